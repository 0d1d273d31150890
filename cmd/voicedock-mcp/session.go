package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// maxPeek bounds how much of a request body requireSession reads to tell
// an initialize or stateless request from one that lacks its session.
const maxPeek = 1 << 20

// requireSession enforces the session rules of the streamable HTTP
// transport where mcp-go does not: a request of the session-based protocol
// that carries no Mcp-Session-Id, other than initialize, gets 400 (mcp-go
// answers a POST with 404, which tells a client its session expired when it
// never sent one); a GET or DELETE naming a session that sessions does not
// know, or that has ended, gets 404 (mcp-go would open a stream or report
// success). Requests of the stateless 2026-07-28 protocol, which have no
// session by design, pass through.
func requireSession(sessions server.SessionIdManager, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get(server.HeaderKeySessionID)
		switch {
		case mcp.IsModernProtocol(r.Header.Get("MCP-Protocol-Version")):
			next.ServeHTTP(w, r)
			return
		case r.Method == http.MethodGet || r.Method == http.MethodDelete:
			if id == "" {
				http.Error(w, noSession, http.StatusBadRequest)
				return
			}
			if ended, err := sessions.Validate(id); err != nil || ended {
				http.Error(w, "not found: no such session, or it has ended; send initialize to start a new one",
					http.StatusNotFound)
				return
			}
			next.ServeHTTP(w, r)
			return
		case r.Method != http.MethodPost || id != "":
			next.ServeHTTP(w, r)
			return
		}
		peek, err := io.ReadAll(io.LimitReader(r.Body, maxPeek))
		if err != nil {
			http.Error(w, "bad request: unreadable body", http.StatusBadRequest)
			return
		}
		r.Body = struct {
			io.Reader
			io.Closer
		}{io.MultiReader(bytes.NewReader(peek), r.Body), r.Body}

		var msg struct {
			Method string `json:"method"`
			Params struct {
				Meta map[string]json.RawMessage `json:"_meta"`
			} `json:"params"`
		}
		decodeErr := json.Unmarshal(peek, &msg)
		if decodeErr != nil || msg.Method == string(mcp.MethodInitialize) ||
			msg.Method == string(mcp.MethodServerDiscover) || stateless(msg.Params.Meta[mcp.MetaKeyProtocolVersion]) {
			next.ServeHTTP(w, r) // let mcp-go judge batches, garbage and stateless requests
			return
		}
		http.Error(w, noSession, http.StatusBadRequest)
	})
}

// stateless reports whether a request's _meta protocol version (raw JSON,
// nil when absent) makes it a request of the stateless 2026-07-28
// protocol, which has no session. A version that is not a string is left
// to mcp-go, which refuses it as malformed.
func stateless(version json.RawMessage) bool {
	if version == nil {
		return false
	}
	var v string
	return json.Unmarshal(version, &v) != nil || mcp.IsModernProtocol(v)
}

const noSession = "bad request: no Mcp-Session-Id header; send initialize first to start a session"
