using System.Diagnostics.CodeAnalysis;

// Public for the reason given in Evaluation/PublicReportTypes.cs: the gap report is a parameter of the Host's Razor
// report components, which Razor generates as public, so the report and every type it holds stay public.
[assembly: SuppressMessage("Maintainability", "CA1515", Scope = "type", Target = "~T:SupportBot.Insights.Gaps.GapReport", Justification = "Parameter of the Host's gap report component.")]
[assembly: SuppressMessage("Maintainability", "CA1515", Scope = "type", Target = "~T:SupportBot.Insights.Gaps.GapCluster", Justification = "Held by GapReport.")]
[assembly: SuppressMessage("Maintainability", "CA1515", Scope = "type", Target = "~T:SupportBot.Insights.Gaps.GapPhrasing", Justification = "Held by GapReport.")]
[assembly: SuppressMessage("Maintainability", "CA1515", Scope = "type", Target = "~T:SupportBot.Insights.Gaps.GapReasonCount", Justification = "Held by GapReport.")]
[assembly: SuppressMessage("Maintainability", "CA1515", Scope = "type", Target = "~T:SupportBot.Insights.Gaps.GapNearestEntry", Justification = "Held by GapReport.")]
[assembly: SuppressMessage("Maintainability", "CA1515", Scope = "type", Target = "~T:SupportBot.Insights.Gaps.GapTrend", Justification = "Held by GapReport.")]
[assembly: SuppressMessage("Maintainability", "CA1515", Scope = "type", Target = "~T:SupportBot.Insights.Gaps.GapReason", Justification = "Held by GapReport.")]
