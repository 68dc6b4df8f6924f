using System.Text;
using Orchestrator.Durable.Testing.Storage;

namespace Orchestrator.Durable.Runtime.Tests;

/// <summary>The request shapes of the Queue, Table and Blob REST APIs, named as the storage report names them.</summary>
public sealed class StorageRequestClassifierTests
{
    [Theory]
    [InlineData("PUT", "hub-control-00", "", StorageResource.ControlQueue, StorageOperation.Create)]
    [InlineData("PUT", "hub-control-00", "?comp=metadata", StorageResource.ControlQueue, StorageOperation.Other)]
    [InlineData("GET", "hub-workitems", "?comp=metadata", StorageResource.WorkItemQueue, StorageOperation.Read)]
    [InlineData("POST", "hub-control-00/messages", "", StorageResource.ControlQueue, StorageOperation.Send)]
    [InlineData("GET", "hub-control-00/messages", "?numofmessages=32&visibilitytimeout=300", StorageResource.ControlQueue, StorageOperation.Receive)]
    [InlineData("GET", "hub-control-00/messages", "?peekonly=true", StorageResource.ControlQueue, StorageOperation.Peek)]
    [InlineData("PUT", "hub-workitems/messages/abc", "?popreceipt=x&visibilitytimeout=0", StorageResource.WorkItemQueue, StorageOperation.UpdateMessage)]
    [InlineData("DELETE", "hub-workitems/messages/abc", "?popreceipt=x", StorageResource.WorkItemQueue, StorageOperation.DeleteMessage)]
    [InlineData("DELETE", "other", "", StorageResource.OtherQueue, StorageOperation.DeleteResource)]
    public void Classify_QueueRequest_NamesQueueRoleAndOperation(
        string method, string path, string query, StorageResource resource, StorageOperation operation)
    {
        var key = StorageRequestClassifier.Classify(StorageService.Queue, method, "/" + path, query);

        Assert.Equal(new StorageOperationKey(resource, operation), key);
    }

    [Theory]
    [InlineData("POST", "Tables", StorageResource.OtherTable, StorageOperation.Create)]
    [InlineData("POST", "$batch", StorageResource.OtherTable, StorageOperation.Transaction)]
    [InlineData("GET", "hubHistory()", StorageResource.HistoryTable, StorageOperation.Query)]
    [InlineData("GET", "hubInstances(PartitionKey='id',RowKey='')", StorageResource.InstancesTable, StorageOperation.Query)]
    [InlineData("PUT", "hubPartitions(PartitionKey='',RowKey='hub-control-00')", StorageResource.PartitionsTable, StorageOperation.Upsert)]
    [InlineData("PATCH", "hubInstances(PartitionKey='id',RowKey='')", StorageResource.InstancesTable, StorageOperation.Upsert)]
    [InlineData("POST", "hubInstances", StorageResource.InstancesTable, StorageOperation.Insert)]
    [InlineData("DELETE", "hubHistory(PartitionKey='id',RowKey='0')", StorageResource.HistoryTable, StorageOperation.Delete)]
    public void Classify_TableRequest_NamesTableRoleAndOperation(string method, string path, StorageResource resource, StorageOperation operation)
    {
        var key = StorageRequestClassifier.Classify(StorageService.Table, method, "/" + path, "");

        Assert.Equal(new StorageOperationKey(resource, operation), key);
    }

    [Theory]
    [InlineData("PUT", "?restype=container", StorageOperation.Create)]
    [InlineData("PUT", "?comp=lease", StorageOperation.Write)]
    [InlineData("HEAD", "", StorageOperation.Read)]
    [InlineData("DELETE", "?restype=container", StorageOperation.DeleteResource)]
    public void Classify_BlobRequest_IsBlobWithItsOperation(string method, string query, StorageOperation operation)
    {
        var key = StorageRequestClassifier.Classify(StorageService.Blob, method, "/hub-leases/x", query);

        Assert.Equal(new StorageOperationKey(StorageResource.Blob, operation), key);
    }

    [Fact]
    public void BatchOperations_MultipartChangeset_ListsEachEntityOperationInOrder()
    {
        var body = new StringBuilder()
            .Append("--batch_1\r\nContent-Type: multipart/mixed; boundary=changeset_1\r\n\r\n")
            .Append("--changeset_1\r\nContent-Type: application/http\r\n\r\n")
            .Append("POST http://127.0.0.1:10002/devstoreaccount1/hubHistory HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{}\r\n")
            .Append("--changeset_1\r\nContent-Type: application/http\r\n\r\n")
            .Append("PATCH http://127.0.0.1:10002/devstoreaccount1/hubHistory(PartitionKey='id',RowKey='sentinel') HTTP/1.1\r\n\r\n{}\r\n")
            .Append("--changeset_1\r\nContent-Type: application/http\r\n\r\n")
            .Append("PUT https://account.table.core.windows.net/hubHistory(PartitionKey='id',RowKey='1') HTTP/1.1\r\n\r\n{}\r\n")
            .Append("--changeset_1--\r\n--batch_1--\r\n")
            .ToString();

        var operations = StorageRequestClassifier.BatchOperations(body);

        Assert.Equal(
            [
                new StorageOperationKey(StorageResource.HistoryTable, StorageOperation.Insert),
                new StorageOperationKey(StorageResource.HistoryTable, StorageOperation.Upsert),
                new StorageOperationKey(StorageResource.HistoryTable, StorageOperation.Upsert),
            ],
            operations);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><QueueMessagesList />", 0)]
    [InlineData("<QueueMessagesList><QueueMessage><MessageId>a</MessageId></QueueMessage><QueueMessage><MessageId>b</MessageId></QueueMessage></QueueMessagesList>", 2)]
    public void CountQueueMessages_GetMessagesResponse_CountsMessages(string xml, int expected) =>
        Assert.Equal(expected, StorageRequestClassifier.CountQueueMessages(xml));

    [Theory]
    [InlineData("""{"value":[{"PartitionKey":"a"},{"PartitionKey":"b"}]}""", 2)]
    [InlineData("""{"value":[]}""", 0)]
    [InlineData("""{"PartitionKey":"a","RowKey":""}""", 1)]
    [InlineData("", 0)]
    [InlineData("not json", 0)]
    public void CountEntities_TableReadResponse_CountsEntities(string json, int expected) =>
        Assert.Equal(expected, StorageRequestClassifier.CountEntities(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void Since_TwoSnapshots_KeepsOnlyWhatChanged()
    {
        var counter = new StorageRequestCounter();
        var send = new StorageOperationKey(StorageResource.ControlQueue, StorageOperation.Send);
        var poll = new StorageOperationKey(StorageResource.ControlQueue, StorageOperation.Receive);
        counter.Record(poll, failed: false, []);
        var before = counter.Snapshot();
        counter.Record(send, failed: false, [KeyValuePair.Create(send, 1)]);
        counter.Record(send, failed: true, []);

        var usage = counter.Snapshot().Since(before);

        Assert.Equal(2, usage.RequestsOf(operation: StorageOperation.Send));
        Assert.Equal(1, usage.QueueMessagesSent);
        Assert.Equal(1, usage.Failures[send]);
        Assert.False(usage.Requests.ContainsKey(poll));
    }
}
