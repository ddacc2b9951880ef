using System.Security.Cryptography;

namespace ThreeClears.Web.Infrastructure.Files;

/// <summary>A stored file: named by the SHA-256 of its bytes, so the same evidence is kept once.</summary>
public sealed record StoredFile(string Sha256, long Length);

/// <summary>
/// Where uploaded evidence lives. Every upload goes through this one interface: local disk by
/// default, a shared store (a mounted volume or an object store) when several nodes serve.
/// </summary>
public interface IFileStore
{
    /// <summary>Stores the stream (at most <paramref name="maxBytes"/>) and returns its content address.</summary>
    Task<StoredFile> SaveAsync(Stream content, long maxBytes, CancellationToken ct);

    /// <summary>Opens a stored file for reading, or null when there is none with that address.</summary>
    Task<Stream?> OpenAsync(string sha256, CancellationToken ct);
}

public sealed class FileTooLargeException(long maxBytes)
    : ProblemException(StatusCodes.Status413PayloadTooLarge, "File too large", $"The file is larger than {maxBytes / 1_000_000} MB.");

/// <summary>
/// Content-addressed files on local disk: root/ab/cd/abcd…. A file is written to a temporary name
/// while it is hashed, then moved into place, so a reader never sees half a file and two nodes
/// writing the same bytes end with one copy.
/// </summary>
public sealed class LocalFileStore(string root) : IFileStore
{
    public string Root { get; } = Path.GetFullPath(root);

    public async Task<StoredFile> SaveAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.Combine(Root, "tmp"));
        var temp = Path.Combine(Root, "tmp", Guid.NewGuid().ToString("N"));
        try
        {
            string hash;
            long length = 0;
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    length += read;
                    if (length > maxBytes) throw new FileTooLargeException(maxBytes);
                    sha.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            }
            var final = PathOf(hash);
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            if (!File.Exists(final))
            {
                try { File.Move(temp, final); }
                catch (IOException) when (File.Exists(final)) { /* the same bytes arrived at the same time */ }
            }
            return new StoredFile(hash, length);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    public Task<Stream?> OpenAsync(string sha256, CancellationToken ct)
    {
        if (!IsAddress(sha256)) return Task.FromResult<Stream?>(null);
        var path = PathOf(sha256);
        return Task.FromResult<Stream?>(File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true)
            : null);
    }

    /// <summary>Only a 64-digit lower-case hex name is an address: nothing else reaches the disk.</summary>
    public static bool IsAddress(string? s) => s is { Length: 64 } && s.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    private string PathOf(string hash) => Path.Combine(Root, hash[..2], hash[2..4], hash);
}
