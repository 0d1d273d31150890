package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// Host selects which of the API's hosts a Request goes to.
type Host int

const (
	// MainAPI is the REST API at the base URL (…/api/v1).
	MainAPI Host = iota
	// AssistantAPI is the assistant host that serves web calls
	// (https://assistant-api.hmsovereign.com); see Options.AssistantURL.
	AssistantAPI
)

// DefaultAssistantURL is the documented host of POST /v1/web-calls.
const DefaultAssistantURL = "https://assistant-api.hmsovereign.com"

// Request is one API call described by its parts, for the many endpoints
// that need no typed method of their own.
type Request struct {
	Method string
	// Path is relative to the host's base, with {name} placeholders filled
	// from PathParams, e.g. "/calls/{id}".
	Path       string
	PathParams map[string]string // each value is escaped as one path segment
	Query      url.Values
	Body       any // encoded as JSON when not nil
	Host       Host
	// Public marks an endpoint that needs no key (GET /health): it is sent
	// without one, even when none is configured.
	Public bool
	// Once marks a request that acts in the world (places a call, starts a
	// campaign): it is never resent, not even after a 429 or a refused
	// connection, so that nothing happens twice.
	Once bool
}

// ErrInvalidID reports an ID argument that cannot name anything, such as
// "..", refused before any request is sent.
var ErrInvalidID = errors.New("invalid id")

// Send performs r and returns the JSON answer, which is nil for an empty
// body (e.g. 204). Failures are typed as for every call: *APIError,
// *RateLimitError, *NetworkError or *CredentialsError.
func (c *Client) Send(ctx context.Context, r Request) (json.RawMessage, Response, error) {
	path, err := fillPath(r.Path, r.PathParams)
	if err != nil {
		return nil, Response{}, err
	}
	var out json.RawMessage
	resp, err := c.doOn(ctx, r, path, &out)
	if err != nil {
		return nil, resp, err
	}
	return out, resp, nil
}

// fillPath replaces each {name} in tmpl with the escaped value of name, so
// that IDs holding "/", "+" or "?" stay one segment.
func fillPath(tmpl string, params map[string]string) (string, error) {
	var b strings.Builder
	rest := tmpl
	for {
		open := strings.IndexByte(rest, '{')
		if open < 0 {
			b.WriteString(rest)
			return b.String(), nil
		}
		end := strings.IndexByte(rest[open:], '}')
		if end < 0 {
			return "", fmt.Errorf("path %q: unclosed placeholder", tmpl)
		}
		name := rest[open+1 : open+end]
		value, ok := params[name]
		switch {
		case !ok || value == "":
			return "", fmt.Errorf("path %q: no value for %s", tmpl, name)
		case value == "." || value == "..":
			// Escaping would not help: servers and proxies may decode and
			// resolve %2E%2E, turning /leads/.. into the campaign itself.
			return "", fmt.Errorf("%w: %q is not an ID", ErrInvalidID, value)
		}
		b.WriteString(rest[:open])
		b.WriteString(escapeSegment(value))
		rest = rest[open+end+1:]
	}
}

// escapeSegment escapes s as one path segment. url.PathEscape leaves "+"
// alone, which some servers read as a space; call IDs contain it.
func escapeSegment(s string) string {
	return strings.ReplaceAll(url.PathEscape(s), "+", "%2B")
}
