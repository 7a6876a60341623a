using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SunshineBot.Core.Tickets;
using SunshineBot.Web.Tests.Staff;

namespace SunshineBot.Web.Tests.Security;

/// <summary>
/// Every staff endpoint the host maps, read from its <see cref="EndpointDataSource"/>: API routes with their methods,
/// pages (GET) and each Razor Pages POST handler of a page (<c>?handler=Name</c>), anonymous ones excepted.
/// </summary>
internal static class StaffEndpointTable
{
    public const string TicketPage = "staff/tickets/{number}";

    /// <summary>Ticket routes (after /api/staff/tickets/{number}/) and the action whose role rule they follow.</summary>
    public static readonly Dictionary<string, TicketAction> ApiActions = new(StringComparer.Ordinal)
    {
        ["dispatch"] = TicketAction.Dispatch, ["reply"] = TicketAction.Reply, ["approve"] = TicketAction.Approve,
        ["return"] = TicketAction.Return, ["extend"] = TicketAction.RequestExtension, ["extension/approve"] = TicketAction.ApproveExtension,
        ["extension/reject"] = TicketAction.RejectExtension, ["urge"] = TicketAction.Urge, ["close"] = TicketAction.Close,
        ["send-back"] = TicketAction.SendBack, ["note"] = TicketAction.AddNote, ["propose"] = TicketAction.ProposeAction,
        ["instruct"] = TicketAction.LeaderInstruct, ["duplicate"] = TicketAction.MarkDuplicate, ["revisit"] = TicketAction.RecordRevisit,
        ["reveal"] = TicketAction.RevealContact, ["finding"] = TicketAction.RecordFinding, ["faults"] = TicketAction.TagFault,
        ["conformity"] = TicketAction.RecordReplyConformity, ["group"] = TicketAction.LinkGroup, ["ungroup"] = TicketAction.UnlinkGroup,
    };

    /// <summary>
    /// The ticket page's POST handlers and the action each is sent with (Act and Step take the action from the form:
    /// 催办 and 标记督办 are the ones whose role rule differs most). A new handler fails the matrix until taught here.
    /// </summary>
    public static readonly Dictionary<string, TicketAction> PageActions = new(StringComparer.Ordinal)
    {
        ["Reveal"] = TicketAction.RevealContact, ["Dispatch"] = TicketAction.Dispatch, ["Reply"] = TicketAction.Reply,
        ["Act"] = TicketAction.Urge, ["Step"] = TicketAction.FlagCase, ["AskParent"] = TicketAction.RequestInformation,
    };

    public static List<StaffEndpoint> Read(StaffTestHost host)
    {
        var source = host.App.Services.GetRequiredService<EndpointDataSource>();
        var list = new List<StaffEndpoint>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = (endpoint.RoutePattern.RawText ?? "").Trim('/');
            var staff = pattern.StartsWith("api/staff", StringComparison.Ordinal) || pattern == "staff" || pattern.StartsWith("staff/", StringComparison.Ordinal);
            if (!staff || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                continue;
            }

            var parameters = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToArray();
            var isApi = pattern.StartsWith("api/", StringComparison.Ordinal);
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods.Distinct(StringComparer.Ordinal))
            {
                list.Add(new StaffEndpoint(method, pattern, parameters, isApi, null));
            }

            if (endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>() is { } page)
            {
                foreach (var handler in page.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)))
                {
                    list.Add(new StaffEndpoint("POST", pattern, parameters, false, handler.Name ?? ""));
                }
            }
        }

        return list.DistinctBy(e => (e.Method, e.Pattern, e.Handler)).OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Handler, StringComparer.Ordinal).ToList();
    }

    /// <summary>The action whose role rule the endpoint follows, or null (not a ticket action).</summary>
    public static TicketAction? ActionOf(StaffEndpoint endpoint) =>
        endpoint.Handler is { } handler
            ? endpoint.Pattern == TicketPage && PageActions.TryGetValue(handler, out var p) ? p : null
            : endpoint.Pattern.StartsWith("api/staff/tickets/{number}/", StringComparison.Ordinal)
                && ApiActions.TryGetValue(endpoint.Pattern["api/staff/tickets/{number}/".Length..], out var a) ? a : null;

    /// <summary>The form a page POST handler gets: each handler binds the fields it knows.</summary>
    public static Dictionary<string, string> Form(StaffEndpoint endpoint, string token, string unitCode)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["__RequestVerificationToken"] = token, ["unitCode"] = unitCode, ["note"] = "请核实", ["text"] = "请补充收费收据的照片",
            ["ReplyBody"] = "经我校核实，班主任要求购买的教辅资料未经学校和家长委员会同意，属于违规行为，学校已责令其停止收费并全额退还。",
            ["flag"] = "Supervised", ["workingDays"] = "3", ["onSiteVisit"] = "false",
        };
        if (ActionOf(endpoint) is { } action && endpoint.Handler is "Act" or "Step")
        {
            form["action"] = action.ToString();
        }

        return form;
    }

    public static string Url(StaffEndpoint endpoint, string url) =>
        endpoint.Handler is { Length: > 0 } handler ? url + "?handler=" + handler : url;
}

internal sealed record StaffEndpoint(string Method, string Pattern, string[] Parameters, bool IsApi, string? Handler);
