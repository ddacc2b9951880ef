// Browser tests run one class at a time: each drives a real Chromium against its own host, and
// on two cores several at once starve each other into timeouts.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
