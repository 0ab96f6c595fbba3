using SupportBot.Insights.Gaps;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Insights;

[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class AverageLinkageTests
{
    [Fact]
    public void TwoTightGroupsAndAnOutlier_AreThreeClusters()
    {
        float[][] vectors = [At(0), At(5), At(10), At(90), At(95), At(200)];

        var clusters = AverageLinkage.Cluster(vectors, Ones(vectors.Length), 0.8);

        Assert.Equal([0, 0, 0, 1, 1, 2], clusters);
    }

    [Fact]
    public void AChainOfNearNeighbours_IsNotJoinedEndToEnd()
    {
        // Each step is 30° (cosine 0.87 ≥ 0.8), but the ends are 120° apart: single linkage would make one cluster.
        float[][] vectors = [At(0), At(30), At(60), At(90), At(120)];

        var clusters = AverageLinkage.Cluster(vectors, Ones(vectors.Length), 0.8);

        Assert.True(clusters.Distinct().Count() >= 2);
        foreach (var group in Enumerable.Range(0, vectors.Length).GroupBy(i => clusters[i]))
        {
            Assert.True(group.Max() - group.Min() <= 1, $"cluster {group.Key} spans {string.Join(",", group)}");
        }
    }

    [Fact]
    public void Weights_CountAsThatManyMessages_InTheAverage()
    {
        // 0° and 20° join first (cosine 0.94). To 45°, the pair averages (cos 45° + cos 25°) / 2 = 0.81 with equal
        // weights, over the cut; when 0° stands for ten messages it averages (10 cos 45° + cos 25°) / 11 = 0.73, under it.
        float[][] vectors = [At(0), At(20), At(45)];

        Assert.Equal([0, 0, 0], AverageLinkage.Cluster(vectors, Ones(3), 0.75));
        Assert.Equal([0, 0, 1], AverageLinkage.Cluster(vectors, [10, 1, 1], 0.75));
    }

    [Fact]
    public void ThresholdAboveEverySimilarity_LeavesEachAlone()
    {
        float[][] vectors = [At(0), At(10), At(20)];

        Assert.Equal([0, 1, 2], AverageLinkage.Cluster(vectors, Ones(3), 0.999));
        Assert.Equal([0, 0, 0], AverageLinkage.Cluster(vectors, Ones(3), 0.5));
    }

    private static float[] At(double degrees) => [(float)Math.Cos(degrees * Math.PI / 180), (float)Math.Sin(degrees * Math.PI / 180)];

    private static int[] Ones(int n) => Enumerable.Repeat(1, n).ToArray();
}
