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

// requireSession answers 400 to a POST of the session-based protocol that
// carries no Mcp-Session-Id and is not initialize, as the transport spec
// asks. mcp-go answers 404 there, which tells a client its session expired
// when it never sent one. Requests of the stateless 2026-07-28 protocol,
// which have no session by design, pass through.
func requireSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.Header.Get(server.HeaderKeySessionID) != "" ||
			mcp.IsModernProtocol(r.Header.Get("MCP-Protocol-Version")) {
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
		if json.Unmarshal(peek, &msg) != nil || msg.Method == string(mcp.MethodInitialize) ||
			msg.Method == string(mcp.MethodServerDiscover) || msg.Params.Meta[mcp.MetaKeyProtocolVersion] != nil {
			next.ServeHTTP(w, r) // let mcp-go judge batches, garbage and stateless requests
			return
		}
		http.Error(w, "bad request: no Mcp-Session-Id header; send initialize first to start a session",
			http.StatusBadRequest)
	})
}
