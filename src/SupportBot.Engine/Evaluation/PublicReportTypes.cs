using System.Diagnostics.CodeAnalysis;

// The evaluation results are the only public types of the engine. The Host renders its HTML reports with Razor
// components, which Razor always generates as public classes, and a public component's parameters must be of public
// types: so the results the reports take, and every type those results hold, stay public. Mirroring them as view
// records in the Host would copy about fifteen records field for field; nothing outside the product references them.
[assembly: SuppressMessage("Maintainability", "CA1515", Scope = "type", Target = "~T:SupportBot.Evaluation.IntentEvaluationReport", Justification = "Parameter of the Host's intent report components.")]
[assembly: SuppressMessage("Maintainability", "CA1515", Scope = "type", Target = "~T:SupportBot.Evaluation.IntentMetrics", Justification = "Held by IntentEvaluationReport.")]
[assembly: SuppressMessage("Maintainability", "CA1515", Scope = "type", Target = "~T:SupportBot.Evaluation.ConfusedPair", Justification = "Held by IntentEvaluationReport.")]
[assembly: SuppressMessage("Maintainability", "CA1515", Scope = "type", Target = "~T:SupportBot.Evaluation.ScoredUtterance", Justification = "Held by IntentEvaluationReport.")]
[assembly: SuppressMessage("Maintainability", "CA1515", Scope = "type", Target = "~T:SupportBot.Evaluation.Conversations.ConversationRun", Justification = "Parameter of the Host's conversation report components.")]
[assembly: SuppressMessage("Maintainability", "CA1515", Scope = "type", Target = "~T:SupportBot.Evaluation.Conversations.BaselineComparison", Justification = "Parameter of the Host's conversation report components.")]
[assembly: SuppressMessage("Maintainability", "CA1515", Scope = "type", Target = "~T:SupportBot.Evaluation.Conversations.ConversationResult", Justification = "Parameter of the Host's conversation report components.")]
[assembly: SuppressMessage("Maintainability", "CA1515", Scope = "type", Target = "~T:SupportBot.Evaluation.Conversations.ConversationMetrics", Justification = "Parameter of the Host's conversation report components.")]
[assembly: SuppressMessage("Maintainability", "CA1515", Scope = "type", Target = "~T:SupportBot.Evaluation.Conversations.TurnResult", Justification = "Parameter of the Host's conversation report components.")]
[assembly: SuppressMessage("Maintainability", "CA1515", Scope = "type", Target = "~T:SupportBot.Evaluation.Conversations.TurnObservation", Justification = "Held by TurnResult.")]
[assembly: SuppressMessage("Maintainability", "CA1515", Scope = "type", Target = "~T:SupportBot.Evaluation.Conversations.AssertionFailure", Justification = "Held by TurnResult.")]
[assembly: SuppressMessage("Maintainability", "CA1515", Scope = "type", Target = "~T:SupportBot.Evaluation.Conversations.ConversationOutcome", Justification = "Held by ConversationResult.")]
[assembly: SuppressMessage("Maintainability", "CA1515", Scope = "type", Target = "~T:SupportBot.Evaluation.Conversations.Containment", Justification = "Held by ConversationResult.")]
[assembly: SuppressMessage("Maintainability", "CA1515", Scope = "type", Target = "~T:SupportBot.Evaluation.Conversations.FileProblem", Justification = "Held by ConversationRun.")]
