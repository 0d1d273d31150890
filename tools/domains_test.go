package tools

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/voicedock/voicedock-mcp/client"
)

func addDomain(t *testing.T, c *client.Client) {
	t.Helper()
	mustCall(t, c, "add_email_domain", map[string]any{"domain_name": "mail.example.org"})
}

// resendDomainID stores a Resend key and returns the ID of the first
// domain of the Resend account.
func resendDomainID(t *testing.T, c *client.Client) string {
	t.Helper()
	storeBYOKKey("resend")(t, c)
	list := mustCall(t, c, "list_resend_domains", nil)
	return list["domains"].([]any)[0].(map[string]any)["id"].(string)
}

func TestDomainTools(t *testing.T) {
	runSandboxCalls(t, []sandboxCall{
		{name: "get none", tool: "get_email_domain",
			wantText: []string{`"configured":false`, "add_email_domain"}, notText: []string{`"domain"`}},
		{name: "get", tool: "get_email_domain", prepare: addDomain,
			wantText: []string{`"configured":true`, `"domain_name":"mail.example.org"`, `"status":"pending"`,
				`"verified":false`, `"records":[{`}},
		{name: "add", tool: "add_email_domain", args: map[string]any{"domain_name": "mail.example.org"},
			wantText: []string{`"domain_name":"mail.example.org"`, `"type":"MX"`, `"record":"DKIM"`},
			after: func(t *testing.T, c *client.Client, log *sentLog, _ map[string]any) {
				assert.Equal(t, map[string]any{"domain_name": "mail.example.org"}, log.last(t, http.MethodPost, "/domains").body)
				got := mustCall(t, c, "get_email_domain", nil)
				assert.Equal(t, "mail.example.org", got["domain"].(map[string]any)["domain_name"])
			}},
		{name: "add a URL", tool: "add_email_domain", args: map[string]any{"domain_name": "https://mail.example.org"},
			wantError: true, wantText: []string{"domain_name", "fully qualified domain name"}},
		{name: "add a second", tool: "add_email_domain", prepare: addDomain,
			args: map[string]any{"domain_name": "news.example.org"}, wantError: true,
			wantText: []string{"already has the domain mail.example.org"}},
		{name: "verify", tool: "verify_email_domain", prepare: addDomain,
			wantText: []string{`"verified":true`, `"status":"verified"`, `"verified_at":"`},
			after: func(t *testing.T, c *client.Client, _ *sentLog, _ map[string]any) {
				assert.Equal(t, true, mustCall(t, c, "get_email_domain", nil)["verified"])
			}},
		{name: "verify none", tool: "verify_email_domain", wantError: true, wantText: []string{"not found"}},
		{name: "refresh", tool: "refresh_email_domain", prepare: addDomain,
			wantText: []string{`"configured":true`, `"domain_name":"mail.example.org"`}},
		{name: "refresh none", tool: "refresh_email_domain", wantError: true, wantText: []string{"not found"}},
		{name: "delete", tool: "delete_email_domain", prepare: addDomain, wantText: []string{`"success":true`},
			after: func(t *testing.T, c *client.Client, _ *sentLog, _ map[string]any) {
				assert.Equal(t, false, mustCall(t, c, "get_email_domain", nil)["configured"])
			}},
		{name: "delete none", tool: "delete_email_domain", wantError: true, wantText: []string{"not found"}},
		{name: "resend domains", tool: "list_resend_domains", prepare: storeBYOKKey("resend"),
			wantText: []string{`"name":"mail.acme-dental.example"`, `"status":"verified"`, `"total":2`},
			notText:  []string{"selected_domain_id"}},
		{name: "resend domains without a key", tool: "list_resend_domains", wantError: true,
			wantText: []string{"No Resend API key stored"}},
		{name: "resend domains page", tool: "list_resend_domains", prepare: storeBYOKKey("resend"),
			args: map[string]any{"limit": 1}, wantText: []string{`"count":1`, `"has_more":true`, `"next_offset":1`}},
		{name: "select", tool: "select_resend_domain",
			argsFrom: func(t *testing.T, c *client.Client) map[string]any {
				return map[string]any{"resend_domain_id": resendDomainID(t, c)}
			},
			wantText: []string{`"domain_name":"mail.acme-dental.example"`, `"verified":true`,
				`"message":"Domain synced successfully from Resend"`},
			after: func(t *testing.T, c *client.Client, log *sentLog, out map[string]any) {
				id := out["domain"].(map[string]any)["resend_domain_id"]
				assert.Equal(t, map[string]any{"resendDomainId": id},
					log.last(t, http.MethodPost, "/domains/sync").body, "camelCase on the wire")
				got := mustCall(t, c, "get_email_domain", nil)
				assert.Equal(t, "mail.acme-dental.example", got["domain"].(map[string]any)["domain_name"])
				assert.Equal(t, id, mustCall(t, c, "list_resend_domains", nil)["selected_domain_id"])
			}},
		{name: "select unknown", tool: "select_resend_domain", prepare: storeBYOKKey("resend"),
			args: map[string]any{"resend_domain_id": "rd_nope"}, wantError: true,
			wantText: []string{"not found", "list_resend_domains lists the valid ones"}},
		{name: "select without id", tool: "select_resend_domain", wantError: true,
			wantText: []string{"resend_domain_id: is required"}},
	})
}

func TestDomainResultReadsEveryDocumentedAnswer(t *testing.T) {
	tests := []struct {
		name string
		body any
		want map[string]any
		err  bool
	}{
		{name: "null", body: map[string]any{"domain": nil}, want: map[string]any{"configured": false}},
		{name: "SDK 1.0 unwrapped", body: map[string]any{"id": "d1", "domain": "mail.example.org", "verified": true},
			want: map[string]any{"configured": true, "verified": true,
				"domain": map[string]any{"id": "d1", "domain_name": "mail.example.org", "verified": true}}},
		{name: "SDK 1.0 verify", body: map[string]any{"verified": false},
			want: map[string]any{"configured": true, "verified": false}},
		{name: "not a domain", body: map[string]any{"ok": true}, err: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := domainResult(tc.body, nil)
			if tc.err {
				assert.Error(t, err)
				return
			}
			require.NoError(t, err)
			m := got.(map[string]any)
			delete(m, "message")
			assert.Equal(t, tc.want, m)
		})
	}
}
