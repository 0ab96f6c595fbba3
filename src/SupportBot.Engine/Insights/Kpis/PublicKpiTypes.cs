using System.Diagnostics.CodeAnalysis;

// Public for the reason given in Evaluation/PublicReportTypes.cs: the KPI report is a parameter of the Host's Razor
// report components, which Razor generates as public, so the report and every type it holds stay public.
[assembly: SuppressMessage("Maintainability", "CA1515", Scope = "type", Target = "~T:SupportBot.Insights.Kpis.KpiReport", Justification = "Parameter of the Host's KPI and conversation report components.")]
[assembly: SuppressMessage("Maintainability", "CA1515", Scope = "type", Target = "~T:SupportBot.Insights.Kpis.Durations", Justification = "Held by KpiReport.")]
[assembly: SuppressMessage("Maintainability", "CA1515", Scope = "type", Target = "~T:SupportBot.Insights.Kpis.ContainmentKpi", Justification = "Held by KpiReport.")]
[assembly: SuppressMessage("Maintainability", "CA1515", Scope = "type", Target = "~T:SupportBot.Insights.Kpis.HandoffKpi", Justification = "Held by KpiReport.")]
[assembly: SuppressMessage("Maintainability", "CA1515", Scope = "type", Target = "~T:SupportBot.Insights.Kpis.ReasonCount", Justification = "Held by KpiReport.")]
[assembly: SuppressMessage("Maintainability", "CA1515", Scope = "type", Target = "~T:SupportBot.Insights.Kpis.RawReasonCount", Justification = "Held by KpiReport.")]
[assembly: SuppressMessage("Maintainability", "CA1515", Scope = "type", Target = "~T:SupportBot.Insights.Kpis.CsatKpi", Justification = "Held by KpiReport.")]
[assembly: SuppressMessage("Maintainability", "CA1515", Scope = "type", Target = "~T:SupportBot.Insights.Kpis.RepeatKpi", Justification = "Held by KpiReport.")]
[assembly: SuppressMessage("Maintainability", "CA1515", Scope = "type", Target = "~T:SupportBot.Insights.Kpis.AnswerRate", Justification = "Held by KpiReport.")]
[assembly: SuppressMessage("Maintainability", "CA1515", Scope = "type", Target = "~T:SupportBot.Insights.Kpis.FlowKpi", Justification = "Held by KpiReport.")]
[assembly: SuppressMessage("Maintainability", "CA1515", Scope = "type", Target = "~T:SupportBot.Insights.Kpis.KpiPoint", Justification = "Held by KpiReport.")]
[assembly: SuppressMessage("Maintainability", "CA1515", Scope = "type", Target = "~T:SupportBot.Insights.Kpis.KpiPeriod", Justification = "Held by KpiReport.")]
[assembly: SuppressMessage("Maintainability", "CA1515", Scope = "type", Target = "~T:SupportBot.Insights.Kpis.KpiBucket", Justification = "Held by KpiReport.")]
