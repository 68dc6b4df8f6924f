using System.Text;
using Orchestrator.Storage.Tables.Rest;

namespace Orchestrator.Storage.Tests.Tables.Rest;

/// <summary>Reading a transaction's multipart answer, as the service sends it.</summary>
public sealed class EntityGroupResponseTests
{
    private const string Success =
        "--batchresponse_1\r\nContent-Type: multipart/mixed; boundary=changesetresponse_2\r\n\r\n" +
        "--changesetresponse_2\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
        "HTTP/1.1 204 No Content\r\nDataServiceVersion: 3.0;\r\nETag: W/\"datetime'2026-12-03T13%3A43%3A13.7276109Z'\"\r\n\r\n\r\n" +
        "--changesetresponse_2\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
        "HTTP/1.1 204 No Content\r\nDataServiceVersion: 1.0;\r\n\r\n\r\n" +
        "--changesetresponse_2--\r\n--batchresponse_1--\r\n";

    private const string ErrorJson =
        "{\"odata.error\":{\"code\":\"EntityAlreadyExists\",\"message\":{\"lang\":\"en-US\",\"value\":\"12:The specified entity already exists.\\nRequestId:2c08dff3\"}}}";

    private const string Failure =
        "--batchresponse_1\r\nContent-Type: multipart/mixed; boundary=changesetresponse_2\r\n\r\n" +
        "--changesetresponse_2\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
        "HTTP/1.1 409 Conflict\r\nContent-ID: 13\r\nDataServiceVersion: 3.0;\r\nContent-Type: application/json;odata=minimalmetadata;charset=utf-8\r\n\r\n" +
        ErrorJson + "\r\n--changesetresponse_2--\r\n--batchresponse_1--\r\n";

    [Fact]
    public void FirstFailure_EveryOperationSucceeded_IsNull()
    {
        Assert.Null(EntityGroupResponse.FirstFailure(Encoding.UTF8.GetBytes(Success)));
    }

    [Fact]
    public void FirstFailure_FailedOperation_GivesItsStatusAndErrorBody()
    {
        var failure = EntityGroupResponse.FirstFailure(Encoding.UTF8.GetBytes(Failure));

        Assert.NotNull(failure);
        Assert.Equal(409, failure.Value.Status);
        Assert.Equal(ErrorJson, Encoding.UTF8.GetString(failure.Value.ErrorBody.Span));
    }

    [Fact]
    public void Transaction_ErrorWithIndexPrefix_CarriesTheFailedIndexAndCode()
    {
        var failure = TableServiceError.Transaction(409, Encoding.UTF8.GetBytes(ErrorJson), null);

        Assert.Equal(12, failure.FailedTransactionActionIndex);
        Assert.Equal("EntityAlreadyExists", failure.ErrorCode);
        Assert.Equal(409, failure.Status);
    }

    [Theory]
    [InlineData("0:The specified resource does not exist.", 0)]
    [InlineData("99:x", 99)]
    [InlineData("The specified resource does not exist.", null)]
    [InlineData(":no index", null)]
    [InlineData(null, null)]
    public void FailedIndex_Message_ReadsTheNumberBeforeTheColon(string? message, int? expected)
    {
        Assert.Equal(expected, TableServiceError.FailedIndex(message));
    }
}
