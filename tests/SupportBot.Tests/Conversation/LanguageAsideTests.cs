using SupportBot.Conversation;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Conversation;

/// <summary>A sentence about the language itself is left out of what the bot searches, never the question beside it.</summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class LanguageAsideTests
{
    [Theory]
    [InlineData("sorry, can I write in English? How long do I have to return something?", "How long do I have to return something?")]
    [InlineData("sorry, my Spanish is not great. How long do I have to return something?", "How long do I have to return something?")]
    [InlineData("Je ne parle pas bien anglais. Vous livrez au Canada ?", "Vous livrez au Canada ?")]
    [InlineData("¿Cuánto tarda el envío? Perdón, mi español no es bueno", "¿Cuánto tarda el envío?")]
    public void Without_DropsTheSentenceAboutTheLanguage(string text, string expected) => Assert.Equal(expected, LanguageAside.Without(text));

    [Theory]
    [InlineData("can I write in English?")]
    [InlineData("do you have the sweater in french navy")]
    [InlineData("how long do I have to return something?")]
    [InlineData("sorry, English only. !!!")]
    [InlineData(null)]
    public void Without_KeepsAMessageWithNothingElseToAsk(string? text) => Assert.Equal(text, LanguageAside.Without(text));
}
