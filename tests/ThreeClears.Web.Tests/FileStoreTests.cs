using System.Security.Cryptography;
using System.Text;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Files;

namespace ThreeClears.Web.Tests;

public sealed class FileStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tc-files-" + Guid.NewGuid().ToString("N"));
    private LocalFileStore Store => new(_root);

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Same_bytes_get_the_same_address_and_are_kept_once()
    {
        var bytes = Encoding.UTF8.GetBytes("ảnh hiện trường nhà Đại đoàn kết");
        var expected = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var a = await Store.SaveAsync(new MemoryStream(bytes), 1000, default);
        var b = await Store.SaveAsync(new MemoryStream(bytes), 1000, default);
        Assert.Equal(expected, a.Sha256);
        Assert.Equal(a, b);
        Assert.Equal(bytes.Length, a.Length);
        Assert.Single(Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories));
        await using var read = await Store.OpenAsync(a.Sha256, default);
        using var copy = new MemoryStream();
        await read!.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task Concurrent_saves_of_the_same_bytes_end_with_one_whole_copy()
    {
        var bytes = RandomNumberGenerator.GetBytes(300_000);
        var saved = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => Store.SaveAsync(new MemoryStream(bytes), 1_000_000, default))));
        Assert.Single(saved.Select(s => s.Sha256).Distinct());
        Assert.Single(Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_and_leaves_nothing()
    {
        var e = await Assert.ThrowsAsync<FileTooLargeException>(() => Store.SaveAsync(new MemoryStream(new byte[2_000_001]), 2_000_000, default));
        Assert.Equal(413, e.Status);
        Assert.Empty(Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("ABCDEF0000000000000000000000000000000000000000000000000000000000")]
    [InlineData("")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task Only_a_stored_lower_case_address_opens(string address) =>
        Assert.Null(await Store.OpenAsync(address, default));

    [Fact]
    public void Kinds_are_told_by_their_bytes_not_their_names()
    {
        Assert.Equal(FileKinds.Jpeg, FileKinds.Detect([0xFF, 0xD8, 0xFF, 0xE0, 0, 0, 0, 0, 0, 0, 0, 0], "x.pdf"));
        Assert.Equal(FileKinds.Png, FileKinds.Detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0], "photo"));
        Assert.Equal(FileKinds.Webp, FileKinds.Detect("RIFF\0\0\0\0WEBPVP8 "u8, null));
        Assert.Equal(FileKinds.Pdf, FileKinds.Detect("%PDF-1.7\n%\0\0\0"u8, "report.jpg"));
        Assert.Equal(FileKinds.Docx, FileKinds.Detect("PK\x03\x04\0\0\0\0\0\0\0\0"u8, "Bao cao.DOCX"));
        Assert.Null(FileKinds.Detect("PK\x03\x04\0\0\0\0\0\0\0\0"u8, "app.apk"));
        Assert.Null(FileKinds.Detect("<html><script>"u8, "photo.jpg"));
        Assert.Null(FileKinds.Detect([0x4D, 0x5A, 0x90, 0, 0, 0, 0, 0, 0, 0, 0, 0], "setup.pdf"));
        // A PNG signature written as UTF-8 text (0xC2 0x89 …) is not a PNG.
        Assert.Null(FileKinds.Detect("\x89PNG\r\n\x1A\n\0\0\0\0"u8, "photo.png"));
    }
}
