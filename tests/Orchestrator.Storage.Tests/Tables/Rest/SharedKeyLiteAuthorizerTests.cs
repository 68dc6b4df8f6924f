using Orchestrator.Storage.Tables.Rest;
using Orchestrator.Testing;

namespace Orchestrator.Storage.Tests.Tables.Rest;

/// <summary>
/// Signatures against vectors taken from requests Azure.Data.Tables 12.13 signed for the development account (its
/// <c>x-ms-date</c>, path and <c>Authorization</c> header as sent), so the two cannot drift apart.
/// </summary>
public sealed class SharedKeyLiteAuthorizerTests
{
    private readonly SharedKeyLiteAuthorizer _authorizer = new(AzuriteInstance.AccountName, AzuriteInstance.AccountKey, TimeProvider.System);

    [Theory]
    [InlineData("Thu, 03 Dec 2026 13:43:13 GMT", "/devstoreaccount1/$batch", "p8flTZymdg3D843/IRhlxjViWqXH11J9HIZbozO6ln8=")]
    [InlineData("Thu, 03 Dec 2026 13:43:13 GMT", "/devstoreaccount1/cap(PartitionKey='p%27%271',RowKey='customer')", "/R/nlSoTpovcoqpDMTtvAO7K8EEZ0bc9R60xf1FhDyo=")]
    [InlineData("Thu, 03 Dec 2026 13:43:13 GMT", "/devstoreaccount1/cap(PartitionKey='p%27%271',RowKey='zz')", "O3QTHjl0LevXm87glfdo7R9QB3pBBH/hYtW3QLZCNrA=")]
    public void Sign_RequestTheSdkSigned_GivesTheSdksSignature(string date, string path, string expected)
    {
        Assert.Equal(expected, _authorizer.Sign(date, path));
    }

    [Fact]
    public async Task AuthorizeAsync_Request_SignsItsPathAndDateHeader()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 13, 43, 13, TimeSpan.Zero));
        var authorizer = new SharedKeyLiteAuthorizer(AzuriteInstance.AccountName, AzuriteInstance.AccountKey, time);
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:47611/devstoreaccount1/$batch");

        await authorizer.AuthorizeAsync(request, CancellationToken.None);

        Assert.Equal("Thu, 03 Dec 2026 13:43:13 GMT", Assert.Single(request.Headers.GetValues("x-ms-date")));
        Assert.Equal("SharedKeyLite devstoreaccount1:p8flTZymdg3D843/IRhlxjViWqXH11J9HIZbozO6ln8=", Assert.Single(request.Headers.GetValues("Authorization")));
    }
}
