using System.Reflection;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Architecture;

/// <summary>
/// Every test class says which kind of test it is, with one of the known categories, so that a filter such as
/// <c>Category=Unit</c> runs all of that kind and nothing else (docs/TESTING.md).
/// </summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class TestCategoryTests
{
    private static readonly List<Type> TestClasses = typeof(TestCategoryTests).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Any(m => m.IsDefined(typeof(FactAttribute), inherit: true)))
        .ToList();

    [Fact]
    public void EveryTestClass_HasExactlyOneCategory_FromTheKnownOnes()
    {
        var wrong = TestClasses
            .Select(t => (Type: t, Categories: CategoriesOf(t)))
            .Where(c => c.Categories.Count != 1 || !TestCategories.All.Contains(c.Categories[0]))
            .Select(c => $"{c.Type.FullName}: [{string.Join(", ", c.Categories)}]")
            .ToList();

        Assert.True(wrong.Count == 0, "each test class needs one [Trait(TestCategories.Key, TestCategories.<Kind>)]:\n" + string.Join('\n', wrong));
    }

    [Fact]
    public void NoTestMethod_ChangesItsClassCategory()
    {
        // A method-level category would make the class's one say less than it seems; split the class instead.
        var overridden = TestClasses.SelectMany(t => t.GetMethods())
            .Where(m => m.GetCustomAttributes<TraitAttribute>().Any())
            .Select(m => $"{m.DeclaringType!.FullName}.{m.Name}")
            .ToList();

        Assert.Empty(overridden);
    }

    [Fact]
    public void TheCheck_FindsTheTestClasses()
    {
        Assert.Contains(typeof(TestCategoryTests), TestClasses);
        Assert.True(TestClasses.Count >= 90, $"{TestClasses.Count} test classes found");
    }

    /// <summary>As xunit reads them: the class's own attributes, not its base class's.</summary>
    private static List<string> CategoriesOf(Type type) => type.GetCustomAttributesData()
        .Where(a => a.AttributeType == typeof(TraitAttribute) && Equals(a.ConstructorArguments[0].Value, TestCategories.Key))
        .Select(a => (string)a.ConstructorArguments[1].Value!)
        .ToList();
}
