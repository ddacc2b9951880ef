namespace ThreeClears.Web;

/// <summary>Marker for the shared strings: English keys, Vietnamese in Resources/SharedResource.vi.resx.</summary>
public sealed class SharedResource;
