using Microsoft.AspNetCore.Diagnostics;

namespace SupportBot.Host.Limits;

/// <summary>
/// A request Kestrel refuses while an endpoint reads it (a body over its budget, a malformed body) is the client's
/// fault: it is answered with its own status as ProblemDetails, never as a 500.
/// </summary>
internal sealed class BadRequestProblem(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var tooLarge = bad.StatusCode == StatusCodes.Status413PayloadTooLarge;
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = tooLarge ? "Request body too large" : "Bad request",
                Detail = tooLarge ? "The body is larger than this endpoint accepts." : "The request could not be read.",
            },
        }).ConfigureAwait(false);
    }
}
