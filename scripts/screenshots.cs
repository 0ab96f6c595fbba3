#:package Microsoft.Playwright
// Playwright serialises its protocol by reflection, which a file-based app (native AOT by default) turns off.
#:property PublishAot=false

// The README's two pictures: a shopper on the store page and Sam on the agent console, in one real conversation.
// Run by scripts/screenshots.sh, which starts the bot; arguments: the bot's address and the folder for the PNGs.
using Microsoft.Playwright;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: dotnet run scripts/screenshots.cs -- <bot address> <output folder>");
    return 2;
}

var bot = new Uri(args[0]);
var output = Directory.CreateDirectory(args[1]).FullName;
var viewport = new ViewportSize { Width = 1200, Height = 800 };
var wait = new LocatorWaitForOptions { Timeout = 60_000 };

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
var agent = await browser.NewPageAsync(new() { ViewportSize = viewport });
var shopper = await browser.NewPageAsync(new() { ViewportSize = viewport });

// An open console is what makes an agent "online", so Sam signs in before the shopper asks for a person.
await agent.GotoAsync(new Uri(bot, "/agent").ToString());
await agent.GetByLabel("Agent ID").FillAsync("sam");
await agent.GetByLabel("Password").FillAsync("supportbot-demo");
await agent.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
await agent.GetByText("No one is waiting.").WaitForAsync(wait);

await shopper.GotoAsync(bot.ToString());
var chat = shopper.Locator("#webchat");
await chat.GetByText("virtual assistant", new() { Exact = false }).First.WaitForAsync(wait);
await SayAsync("hi, where is my order LP10000002? my email is ana.lima@example.com", "Departed facility");
await SettleAsync();
await shopper.ScreenshotAsync(new() { Path = Path.Combine(output, "store.png") });

await SayAsync("how long do I have to return something?", "From our help centre");
await SayAsync("I'd like to talk to a person please", "connecting you with a member of our support team");

await agent.Locator("#queue li").First.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();
await agent.Locator("#transcript").GetByText("I'd like to talk to a person please").First.WaitForAsync(wait);
await agent.Locator("#reply").FillAsync("Hi Ana, I'm Sam from the support team. Your skillet is due in two days; can I help with anything else?");
await agent.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
await chat.GetByText("Your skillet is due in two days", new() { Exact = false }).First.WaitForAsync(wait);

await SettleAsync();
await agent.ScreenshotAsync(new() { Path = Path.Combine(output, "console.png") });

// docs/INSIGHTS.md's picture: the Insights view over the demo's month, seeded beside the start. The view scrolls
// inside the window, so the window is made tall enough for all of it.
await agent.SetViewportSizeAsync(1280, 2300);
await agent.GotoAsync(new Uri(bot, "/agent#insights").ToString());
await agent.Locator("#gaps > li").First.WaitForAsync(wait);
await agent.Locator("[data-kpi=conversations]").WaitForAsync(wait);
await agent.ScreenshotAsync(new() { Path = Path.Combine(output, "insights.png") });
Console.WriteLine($"screenshots: {Path.Combine(output, "store.png")}, {Path.Combine(output, "console.png")}, {Path.Combine(output, "insights.png")}");
return 0;

// Web Chat scrolls and fades in new activities; a moment lets the last one settle before a picture.
Task SettleAsync() => shopper.WaitForTimeoutAsync(1_000);

async Task SayAsync(string text, string reply)
{
    var input = shopper.GetByPlaceholder("Type your message");
    await input.FillAsync(text);
    await input.PressAsync("Enter");
    await chat.GetByText(reply, new() { Exact = false }).First.WaitForAsync(wait);
}
