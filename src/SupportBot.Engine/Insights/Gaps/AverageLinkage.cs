using System.Numerics.Tensors;

namespace SupportBot.Insights.Gaps;

/// <summary>
/// Agglomerative clustering with average linkage (UPGMA) over cosine similarity, cut where the average similarity
/// between two groups falls below a threshold: two groups join only when their messages are, on average, that alike.
/// Unlike single linkage it does not chain unrelated messages through a run of near neighbours, and unlike k-means it
/// needs no guess at the number of topics.
/// </summary>
/// <remarks>
/// Exact and in O(n²) time, in two steps. (1) Groups that average at least <c>t</c> must hold a pair at least
/// <c>t</c> alike, so no join ever crosses the connected components of the graph "similarity ≥ t": one parallel
/// pass over all pairs finds them. (2) Inside each component the nearest-neighbour chain algorithm builds the
/// hierarchy with Lance–Williams updates; a group whose best partner is under <c>t</c> can never reach it later
/// (an average is at most its largest part), so it is retired at once instead of merged below the cut.
/// </remarks>
internal static class AverageLinkage
{
    /// <param name="vectors">Unit-length vectors, one per distinct text.</param>
    /// <param name="weights">How many messages each vector stands for (exact duplicates are collapsed first).</param>
    /// <returns>The cluster of each vector, numbered from 0.</returns>
    public static int[] Cluster(IReadOnlyList<float[]> vectors, IReadOnlyList<int> weights, double threshold)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(weights);
        var n = vectors.Count;
        var groups = new UnionFind(n);
        foreach (var component in Components(vectors, (float)threshold))
        {
            if (component.Length > 1)
            {
                MergeWithin(component, vectors, weights, (float)threshold, groups);
            }
        }

        return groups.Numbered();
    }

    /// <summary>The connected components of "similarity ≥ threshold", from one pass over every pair (rows in parallel).</summary>
    private static List<int[]> Components(IReadOnlyList<float[]> vectors, float threshold)
    {
        var n = vectors.Count;
        var neighbours = new List<int>[n];
        Parallel.For(0, n, i =>
        {
            var row = vectors[i];
            List<int>? found = null;
            for (var j = i + 1; j < n; j++)
            {
                if (TensorPrimitives.Dot(row, vectors[j]) >= threshold)
                {
                    (found ??= []).Add(j);
                }
            }

            neighbours[i] = found ?? [];
        });

        var linked = new UnionFind(n);
        for (var i = 0; i < n; i++)
        {
            foreach (var j in neighbours[i])
            {
                linked.Union(i, j);
            }
        }

        return [.. Enumerable.Range(0, n).GroupBy(linked.Find).Select(g => g.ToArray())];
    }

    /// <summary>The nearest-neighbour chain over one component, joining in <paramref name="groups"/> what averages at least the threshold.</summary>
    private static void MergeWithin(int[] members, IReadOnlyList<float[]> vectors, IReadOnlyList<int> weights, float threshold, UnionFind groups)
    {
        var m = members.Length;
        var similarity = new float[m * m];
        Parallel.For(0, m, a =>
        {
            for (var b = a + 1; b < m; b++)
            {
                var s = TensorPrimitives.Dot(vectors[members[a]], vectors[members[b]]);
                similarity[a * m + b] = s;
                similarity[b * m + a] = s;
            }
        });

        var size = members.Select(i => (double)weights[i]).ToArray();
        var active = Enumerable.Repeat(true, m).ToArray();
        var remaining = m;
        var chain = new List<int>(m);
        var next = 0;
        while (remaining > 1)
        {
            if (chain.Count == 0)
            {
                while (!active[next])
                {
                    next++;
                }

                chain.Add(next);
            }

            var a = chain[^1];
            var (b, best) = Nearest(a, chain.Count > 1 ? chain[^2] : -1, similarity, active, m);
            if (b < 0 || best < threshold)
            {
                // Nothing can reach the cut with this group any more: it is final.
                active[a] = false;
                remaining--;
                chain.RemoveAt(chain.Count - 1);
                continue;
            }

            if (chain.Count > 1 && b == chain[^2])
            {
                chain.RemoveRange(chain.Count - 2, 2);
                Join(a, b, similarity, size, active, m);
                groups.Union(members[a], members[b]);
                remaining--;
            }
            else
            {
                chain.Add(b);
            }
        }
    }

    /// <summary>The active group most like <paramref name="a"/>; on a tie the chain's previous group, so the chain always ends.</summary>
    private static (int Index, float Similarity) Nearest(int a, int previous, float[] similarity, bool[] active, int m)
    {
        var best = previous;
        var bestSimilarity = previous >= 0 ? similarity[a * m + previous] : float.NegativeInfinity;
        var row = similarity.AsSpan(a * m, m);
        for (var k = 0; k < m; k++)
        {
            if (k != a && active[k] && row[k] > bestSimilarity)
            {
                best = k;
                bestSimilarity = row[k];
            }
        }

        return (best, bestSimilarity);
    }

    /// <summary>Joins <paramref name="b"/> into <paramref name="a"/>: the average similarity to the union is the size-weighted average (Lance–Williams).</summary>
    private static void Join(int a, int b, float[] similarity, double[] size, bool[] active, int m)
    {
        var (wa, wb) = (size[a] / (size[a] + size[b]), size[b] / (size[a] + size[b]));
        for (var k = 0; k < m; k++)
        {
            if (active[k] && k != a && k != b)
            {
                var s = (float)(wa * similarity[a * m + k] + wb * similarity[b * m + k]);
                similarity[a * m + k] = s;
                similarity[k * m + a] = s;
            }
        }

        size[a] += size[b];
        active[b] = false;
    }

    private sealed class UnionFind
    {
        private readonly int[] _parent;

        public UnionFind(int n) => _parent = Enumerable.Range(0, n).ToArray();

        public int Find(int i)
        {
            while (_parent[i] != i)
            {
                _parent[i] = _parent[_parent[i]];
                i = _parent[i];
            }

            return i;
        }

        public void Union(int a, int b) => _parent[Find(a)] = Find(b);

        /// <summary>Each element's set as a number from 0, in order of first appearance.</summary>
        public int[] Numbered()
        {
            var numbers = new Dictionary<int, int>();
            return [.. Enumerable.Range(0, _parent.Length).Select(i => numbers.TryGetValue(Find(i), out var k) ? k : numbers[Find(i)] = numbers.Count)];
        }
    }
}
