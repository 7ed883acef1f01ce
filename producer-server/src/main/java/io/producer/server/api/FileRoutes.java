package io.producer.server.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.producer.server.account.ApiKey;
import io.producer.server.account.ApiKeys;
import io.producer.server.blob.Blob;
import io.producer.server.blob.BlobStore;
import io.producer.server.blob.UrlSigner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves blobs behind signed, expiring URLs: single byte ranges (206 / 416), the blob's content
 * type, a strong ETag (its SHA-256) and private caching until the URL expires. Anything that is
 * not a valid signature for an existing blob is 404, so ids can't be probed; a request that
 * carries another key's Bearer header is 404 too.
 */
public final class FileRoutes {
    private static final Pattern NAME = Pattern.compile("([0-9a-f]{32})\\.([a-z0-9]{1,5})");
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final BlobStore blobs;
    private final UrlSigner signer;
    private final ApiKeys keys;

    public FileRoutes(BlobStore blobs, UrlSigner signer, ApiKeys keys) {
        this.blobs = blobs;
        this.signer = signer;
        this.keys = keys;
    }

    public void register(Javalin app) {
        app.get("/files/{name}", ctx -> serve(ctx, true));
        app.head("/files/{name}", ctx -> serve(ctx, false));
    }

    private void serve(Context ctx, boolean body) {
        Matcher m = NAME.matcher(ctx.pathParam("name"));
        if (!m.matches()) throw notFound();
        String id = m.group(1);
        long expires;
        try {
            expires = Long.parseLong(Optional.ofNullable(ctx.queryParam("expires")).orElse(""));
        } catch (NumberFormatException e) {
            throw notFound();
        }
        if (!signer.verify(id, expires, ctx.queryParam("sig"), Instant.now())) throw notFound();
        Blob blob = blobs.find(id).orElseThrow(FileRoutes::notFound);
        if (!blob.extension().equals(m.group(2))) throw notFound();
        Optional<String> bearer = ProducerApi.bearer(ctx);
        if (bearer.isPresent()) {
            Optional<ApiKey> key = keys.authenticate(bearer.get());
            if (key.isEmpty()) throw ApiException.unauthorized("Invalid API key.");
            if (!key.get().id().equals(blob.keyId())) throw notFound();
        }

        String etag = "\"" + blob.sha256() + "\"";
        long maxAge = Math.max(0, expires - Instant.now().getEpochSecond());
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "private, max-age=" + maxAge + ", immutable");
        ctx.header("Accept-Ranges", "bytes");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType(blob.contentType());
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"))) {
            ctx.status(304);
            return;
        }

        long size = blob.size();
        long start = 0, end = size - 1;
        String range = ctx.header("Range");
        String ifRange = ctx.header("If-Range");
        boolean partial = false;
        if (range != null && (ifRange == null || ifRange.equals(etag))) {
            Matcher r = RANGE.matcher(range.trim());
            if (r.matches() && !(r.group(1).isEmpty() && r.group(2).isEmpty())) {
                try {
                    if (r.group(1).isEmpty()) {            // suffix: the last N bytes
                        long n = Long.parseLong(r.group(2));
                        if (n == 0) throw unsatisfiable(ctx, size);
                        start = Math.max(0, size - n);
                    } else {
                        start = Long.parseLong(r.group(1));
                        if (!r.group(2).isEmpty()) end = Math.min(Long.parseLong(r.group(2)), size - 1);
                        if (!r.group(2).isEmpty() && Long.parseLong(r.group(2)) < start) throw unsatisfiable(ctx, size);
                    }
                } catch (NumberFormatException tooBig) {
                    throw unsatisfiable(ctx, size);
                }
                if (start >= size) throw unsatisfiable(ctx, size);
                partial = true;
            }
            // other forms (several ranges, other units) are answered with the whole file, as RFC 9110 allows
        }
        long length = end - start + 1;
        if (partial) {
            ctx.status(206);
            ctx.header("Content-Range", "bytes " + start + "-" + end + "/" + size);
        } else {
            ctx.status(200);
        }
        ctx.header("Content-Length", Long.toString(length));
        if (!body) return;
        try (RandomAccessFile f = new RandomAccessFile(blobs.path(id).toFile(), "r")) {
            f.seek(start);
            OutputStream out = ctx.outputStream();
            byte[] buf = new byte[64 * 1024];
            long left = length;
            while (left > 0) {
                int n = f.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) break;
                out.write(buf, 0, n);
                left -= n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ApiException unsatisfiable(Context ctx, long size) {
        ctx.header("Content-Range", "bytes */" + size);
        return new ApiException(416, "range_not_satisfiable", "The requested range is outside the file (" + size + " bytes).");
    }

    private static ApiException notFound() {
        return ApiException.notFound("file not found (or its link expired).");
    }

}
