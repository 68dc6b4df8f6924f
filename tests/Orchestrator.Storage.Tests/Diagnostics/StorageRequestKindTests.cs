using Orchestrator.Storage.Diagnostics;

namespace Orchestrator.Storage.Tests.Diagnostics;

public sealed class StorageRequestKindTests
{
    [Theory]
    [InlineData("GET", "/devstoreaccount1/customers()", "table.query", "customers")]
    [InlineData("GET", "/customers()", "table.query", "customers")]
    [InlineData("GET", "/devstoreaccount1/timers", "table.query", "timers")]
    [InlineData("GET", "/devstoreaccount1/instances(PartitionKey='i-1',RowKey='')", "table.read", "instances")]
    [InlineData("PUT", "/devstoreaccount1/timers(PartitionKey='timers',RowKey='1%7Ci')", "table.upsert", "timers")]
    [InlineData("DELETE", "/devstoreaccount1/timers(PartitionKey='timers',RowKey='1%7Ci')", "table.delete", "timers")]
    [InlineData("MERGE", "/devstoreaccount1/poison(PartitionKey='poison',RowKey='p')", "table.merge", "poison")]
    [InlineData("POST", "/devstoreaccount1/identities", "table.insert", "identities")]
    [InlineData("POST", "/devstoreaccount1/$batch", "table.batch", "$batch")]
    [InlineData("POST", "/devstoreaccount1/Tables", "table.admin", "Tables")]
    public void ForTable_MethodAndPath_NamesOperationAndTable(string method, string path, string operation, string resource) =>
        Assert.Equal(new StorageRequestKind(operation, resource), StorageRequestKind.ForTable(method, path));

    [Theory]
    [InlineData("POST", "/devstoreaccount1/actions/messages", "queue.send", "actions")]
    [InlineData("GET", "/actions/messages", "queue.receive", "actions")]
    [InlineData("DELETE", "/devstoreaccount1/touchpoints/messages/8c3e", "queue.delete", "touchpoints")]
    [InlineData("PUT", "/devstoreaccount1/touchpoints/messages/8c3e", "queue.update", "touchpoints")]
    [InlineData("PUT", "/devstoreaccount1/touchpoints", "queue.admin", "touchpoints")]
    public void ForQueue_MethodAndPath_NamesOperationAndQueue(string method, string path, string operation, string resource) =>
        Assert.Equal(new StorageRequestKind(operation, resource), StorageRequestKind.ForQueue(method, path));
}
