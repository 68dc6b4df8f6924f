using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Orchestrator.Functions.Http;
using Orchestrator.Http;

namespace Orchestrator.Functions.Tests.Http;

/// <summary>
/// Every shared route is a function at the standalone runtime's address: the Functions host's route prefix
/// (<c>api</c>, host.json's default) followed by the function's route.
/// </summary>
public sealed class FunctionRoutesTests
{
    private const string FunctionsRoutePrefix = "/api";

    // The standalone runtime's routes, as its Map* extensions register them over the same handlers.
    public static TheoryData<string, string, string> StandaloneRoutes => new()
    {
        { "Journeys_Deploy", "PUT", HttpRoutes.Journeys + "/{id}" },
        { "Journeys_List", "GET", HttpRoutes.Journeys },
        { "Journeys_Get", "GET", HttpRoutes.Journeys + "/{id}" },
        { "Journeys_GetVersion", "GET", HttpRoutes.Journeys + "/{id}/versions/{version:int}" },
        { "Journeys_Drain", "POST", HttpRoutes.Journeys + "/{id}/versions/{version:int}/drain" },
        { "Journeys_Stop", "POST", HttpRoutes.Journeys + "/{id}/versions/{version:int}/stop" },
        { "Journeys_Validate", "POST", HttpRoutes.Journeys + "/{id}/validate" },
        { "Journeys_Simulate", "POST", HttpRoutes.Journeys + "/{id}/simulate" },
        { "Journeys_ListInstances", "GET", HttpRoutes.Journeys + "/{id}/versions/{version:int}/instances" },
        { "Journeys_Migrate", "POST", HttpRoutes.Journeys + "/{id}/migrations" },
        { "Journeys_GetMigration", "GET", HttpRoutes.Journeys + "/{id}/migrations/{migrationId}" },
        { "Customers_ListJourneys", "GET", HttpRoutes.Customer + "/journeys" },
        { "Customers_GetTimeline", "GET", HttpRoutes.Customer + "/timeline" },
        { "Customers_GetIdentity", "GET", HttpRoutes.Customer + "/identity" },
        { "Customers_GetProfile", "GET", HttpRoutes.Customer },
        { "Customers_PatchProfile", "PATCH", HttpRoutes.Customer + "/profile" },
        { "Touchpoints_Post", "POST", HttpRoutes.Touchpoints },
        { "Analytics_GetJourney", "GET", HttpRoutes.Journeys + "/{id}/analytics" },
        { "Analytics_Rank", "GET", HttpRoutes.AnalyticsRanking },
    };

    [Theory]
    [MemberData(nameof(StandaloneRoutes))]
    public void Function_SharedRoute_IsServedAtTheStandaloneAddressWithAFunctionKey(string name, string method, string address)
    {
        var function = Functions().Single(f => f.Name == name);
        var trigger = function.Method.GetParameters()[0].GetCustomAttribute<HttpTriggerAttribute>()!;

        Assert.Equal(address, FunctionsRoutePrefix + "/" + trigger.Route);
        Assert.Equal([method], trigger.Methods!.Select(m => m.ToUpperInvariant()));
        Assert.Equal(AuthorizationLevel.Function, trigger.AuthLevel);
        Assert.Equal(typeof(HttpRequest), function.Method.GetParameters()[0].ParameterType);
    }

    [Fact]
    public void Functions_AreExactlyTheSharedRoutes_EachNamedOnce()
    {
        var names = Functions().Select(f => f.Name).ToList();

        Assert.Equal(names.Distinct().Count(), names.Count);
        Assert.Equal(StandaloneRoutes.Select(r => (string)r[0]).Order(), names.Order());
    }

    [Fact]
    public void Functions_RouteParameters_AreBoundToParametersOfTheSameName()
    {
        foreach (var function in Functions())
        {
            var route = function.Method.GetParameters()[0].GetCustomAttribute<HttpTriggerAttribute>()!.Route!;
            var parameters = function.Method.GetParameters().Select(p => p.Name).ToHashSet();
            foreach (var segment in route.Split('/').Where(s => s.StartsWith('{')))
            {
                var name = segment.Trim('{', '}').Split(':')[0];
                Assert.True(parameters.Contains(name), $"{function.Name}: route parameter '{name}' has no method parameter");
            }
        }
    }

    [Fact]
    public void Functions_AnswerActionResults_WhichEveryVersionOfTheAspNetCoreIntegrationExecutes()
    {
        Assert.All(Functions(), f => Assert.Equal(typeof(Task<IActionResult>), f.Method.ReturnType));
    }

    private static IEnumerable<(string Name, MethodInfo Method)> Functions() =>
        typeof(HttpResultAction).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(HttpResultAction).Namespace)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Select(m => (Attribute: m.GetCustomAttribute<FunctionAttribute>(), Method: m))
            .Where(f => f.Attribute is not null)
            .Select(f => (f.Attribute!.Name, f.Method));
}
