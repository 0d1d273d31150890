package tools

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/voicedock/voicedock-mcp/client/catalog"
)

// mcpServerOperations are the mcp_servers toolset: the customer's own MCP
// servers whose tools assistants call during phone calls (reference
// section 8.15). They are not this server.
var mcpServerOperations = []operation{
	listMCPServers, getMCPServer, createMCPServer, updateMCPServer, deleteMCPServer, testMCPServer,
}

// mcpServerID is the path argument naming one registered MCP server.
var mcpServerID = str("mcp_server_id", "Registered MCP server ID (a UUID), as list_mcp_servers shows.").
	as("id").inPath()

// mcpServerOut are the fields of a registered MCP server a result schema
// names.
var mcpServerOut = []field{
	{"id", "string"}, {"name", "string"}, {"url", "string"}, {"transport", "string"},
	{"header_names", ""}, {"timeout_seconds", "integer"}, {"created_at", "string"},
	{"updated_at", "string"},
}

// maxMCPHeaders is the most headers the API stores for one server.
const maxMCPHeaders = 10

// mcpServerFields are the body arguments of a registered MCP server, none
// required (create marks name and url); create shows the API's defaults.
func mcpServerFields(create bool) []param {
	transport := str("transport", "How the platform talks to the server: streamable_http, or sse only "+
		"for servers that offer nothing else.").oneOf(catalog.MCPTransports...)
	timeout := integer("timeout_seconds", "Seconds the platform waits for each request to the server, "+
		"tool calls included.").between(5, 60)
	headers := mcpHeaders("HTTP headers sent with every request to the server, e.g. {\"Authorization\": " +
		"\"Bearer …\"}; at most 10. Write-only: stored encrypted, only their names come back.")
	if create {
		transport, timeout = transport.byDefault(catalog.MCPTransports[0]), timeout.byDefault(20)
	} else {
		headers = mcpHeaders("Replaces ALL stored headers (the values cannot be read back, so send " +
			"every header the server needs); {} removes them all. Required when url moves to another " +
			"host. At most 10.")
	}
	return []param{
		str("name", "Display name, unique within the organization, e.g. \"CRM tools\"."),
		str("url", "The server's MCP endpoint: https://, reachable from the internet, without "+
			"credentials (put those in headers), e.g. https://mcp.example.org/mcp.").
			matching(`^https://[^\s/?#@]+(/\S*)?$`, "an https:// URL without credentials, e.g. https://mcp.example.org/mcp"),
		transport, headers, timeout,
	}
}

func mcpHeaders(doc string) param { return object("headers", doc) }

// headerName is an HTTP header name: a token of RFC 9110.
var headerName = regexp.MustCompile("^[!#$%&'*+\\-.^_`|~0-9A-Za-z]+$")

// reservedHeaders are set by the HTTP layer, never by a stored header.
var reservedHeaders = []string{"host", "content-length", "transfer-encoding", "connection", "upgrade"}

// checkMCPHeaders holds headers to at most ten string values, and a url to
// no credentials.
func checkMCPHeaders(args map[string]any) error {
	if headers, ok := args["headers"].(map[string]any); ok {
		if len(headers) > maxMCPHeaders {
			return fmt.Errorf("invalid arguments: headers: has %d entries; at most %d are stored",
				len(headers), maxMCPHeaders)
		}
		seen := map[string]bool{}
		for k, v := range headers {
			value, ok := v.(string)
			canonical := strings.ToLower(k)
			switch {
			case !ok:
				return fmt.Errorf("invalid arguments: headers.%s must be a string, got %s", k, describe(v))
			case !headerName.MatchString(k):
				return fmt.Errorf("invalid arguments: headers: %q is not a header name (letters, digits "+
					"and !#$%%&'*+-.^_`|~ only)", clip(k))
			case slices.Contains(reservedHeaders, canonical):
				return fmt.Errorf("invalid arguments: headers: %s is set by the platform itself", k)
			case seen[canonical]:
				return fmt.Errorf("invalid arguments: headers: %s is given twice (names ignore case)", k)
			case strings.ContainsFunc(value, func(r rune) bool { return r != '\t' && unicode.IsControl(r) }):
				return fmt.Errorf("invalid arguments: headers.%s: the value holds a line break or control "+
					"character", k)
			}
			seen[canonical] = true
		}
	}
	if raw, ok := args["url"].(string); ok {
		if u, err := url.Parse(raw); err != nil || u.Host == "" {
			return fmt.Errorf("invalid arguments: url: %q is not a URL", clip(raw))
		}
	}
	return nil
}

// mcpTestResult passes the test answer through and, when the platform
// could not use the server, says what to check: an unreachable server is
// a successful call that reports ok false.
func mcpTestResult(body any, _ map[string]any) (any, error) {
	m, ok := body.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("the answer is not an object")
	}
	out := prune(m).(map[string]any)
	if tools, ok := m["tools"].([]any); ok {
		out["tool_count"] = len(tools)
	}
	if m["ok"] == false {
		out["next_step"] = "The platform could not use this MCP server (see error). Check that url is the " +
			"server's MCP endpoint, reachable from the internet over https, that transport matches what " +
			"the server offers, and that headers carry valid credentials; fix them with update_mcp_server " +
			"and test again. Until it passes, calls whose assistant requires this server may be rejected."
	}
	return fitValue(out), nil
}
