using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ThreeClears.Web.Tests.Support;

public static class Http
{
    public static async Task<JsonElement> Json(this HttpResponseMessage res)
    {
        var text = await res.Content.ReadAsStringAsync();
        return string.IsNullOrEmpty(text) ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts the status and, for errors, that the body is a problem detail; returns the body.</summary>
    public static async Task<JsonElement> Expect(this HttpResponseMessage res, HttpStatusCode status)
    {
        var body = await res.Content.ReadAsStringAsync();
        Assert.True(res.StatusCode == status, $"Expected {(int)status} but got {(int)res.StatusCode} from {res.RequestMessage?.Method} {res.RequestMessage?.RequestUri}: {body}");
        if ((int)status >= 400)
        {
            Assert.Equal("application/problem+json", res.Content.Headers.ContentType?.MediaType);
        }
        return string.IsNullOrEmpty(body) ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PostRaw(this HttpClient c, string url, string body, string contentType = "application/json") =>
        c.PostAsync(url, new StringContent(body, Encoding.UTF8, contentType));

    public static Task<HttpResponseMessage> PutJson(this HttpClient c, string url, object body, string? ifMatch)
    {
        var req = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null) req.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return c.SendAsync(req);
    }

    public static string[] Keys(this JsonElement errors) => [.. errors.EnumerateObject().Select(p => p.Name)];
}
