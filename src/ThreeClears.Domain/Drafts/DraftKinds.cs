namespace ThreeClears.Domain.Drafts;

/// <summary>Who an opinion comes from (PRODUCT.md "Consultation on drafts").</summary>
public enum OpinionGroup { Citizens, Businesses, FormerLeaders, Officials }

/// <summary>Where an opinion was gathered: at a recorded conference, or sent online through the portal or the API.</summary>
public enum OpinionSource { Conference, Online }

/// <summary>The answer to an opinion.</summary>
public enum ResponseDecision { Accepted, PartiallyAccepted, Explained, NotAccepted }

/// <summary>A response is kept as a draft until it is published with others; only a published one answers the opinion.</summary>
public enum ResponseState { Draft, Published }

/// <summary>Where a draft stands on a given day: not yet open, open (both ends inclusive), or closed.</summary>
public enum DraftPhase { NotYetOpen, Open, Closed }
