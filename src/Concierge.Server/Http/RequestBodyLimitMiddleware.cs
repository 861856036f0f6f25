using Microsoft.AspNetCore.Http.Metadata;

namespace Concierge.Server.Http;

/// <summary>
/// Refuses request bodies over the limit with 413, whether the size is declared (Content-Length) or
/// only discovered while reading (chunked). Kestrel has its own limit; this one also holds in the
/// test host and behind proxies, and answers with a problem document. A route that takes larger
/// bodies (a document upload) says so with <see cref="IRequestSizeLimitMetadata"/>.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, long defaultLimit)
{
    public Task InvokeAsync(HttpContext context)
    {
        // A route may set its own limit (.WithBodyLimit, or the framework's request size metadata); the setting is the default.
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<BodyLimitMetadata>()?.Bytes
            ?? context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? defaultLimit;
        if (context.Request.ContentLength > limit)
        {
            throw new BadHttpRequestException($"The request body is {context.Request.ContentLength} bytes; the limit is {limit}.", StatusCodes.Status413PayloadTooLarge);
        }

        if (context.Request.ContentLength is null && context.Request.Body.CanRead)
        {
            context.Request.Body = new LimitedReadStream(context.Request.Body, limit);
        }

        return next(context);
    }

    private sealed class LimitedReadStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > limit
                ? throw new BadHttpRequestException($"The request body is over the limit of {limit} bytes.", StatusCodes.Status413PayloadTooLarge)
                : read;
        }
    }
}
