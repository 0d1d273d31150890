// Package client is the HTTP client for the HMS Sovereign v1 REST API, the
// API behind the VoiceDock voice AI platform.
//
// A [Client] authenticates every request with the organization's API key,
// paces requests to the documented limit of 100 per minute per key, reads the
// X-RateLimit-* headers on every response and holds requests back when the
// server says the window is spent, and retries only what is safe to repeat:
// a 429 for any method (the server did not act on it), 5xx answers and
// network failures only for GET, PUT and DELETE. A POST or PATCH that may have
// reached the server is never sent twice.
//
// Every call is bounded by a budget (Options.CallBudget) that covers pacing,
// attempts and retry waits together. The client never sleeps past it: when a
// wait would not fit, the call fails at once with a [*RateLimitError] that
// says when to retry.
//
// Every non-2xx answer becomes an [*APIError]; match classes with errors.Is
// and the sentinels in errors.go. Neither errors nor log lines ever carry the
// API key, the Authorization header, query strings or request bodies.
package client
