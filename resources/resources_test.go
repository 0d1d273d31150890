package resources

import (
	"encoding/json"
	"net/http/httptest"
	"testing"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/voicedock/voicedock-mcp/client"
	"github.com/voicedock/voicedock-mcp/client/sandbox"
)

func TestAccountResource(t *testing.T) {
	tests := []struct {
		name     string
		key      string
		wantName string
		wantErr  string
	}{
		{name: "demo key", key: sandbox.DemoKey, wantName: "Acme Dental Group"},
		{name: "expired key", key: sandbox.ExpiredKey, wantErr: "api_key_expired"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(sandbox.New(sandbox.Options{}))
			t.Cleanup(srv.Close)
			c, err := client.New(client.Options{BaseURL: srv.URL + sandbox.BasePath, APIKey: tc.key})
			require.NoError(t, err)
			res := All(c)[0]
			req := mcp.ReadResourceRequest{}
			req.Params.URI = AccountURI

			contents, err := res.Handler(t.Context(), req)

			if tc.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tc.wantErr)
				assert.NotContains(t, err.Error(), tc.key, "errors must not carry the key")
				return
			}
			require.NoError(t, err)
			require.Len(t, contents, 1)
			text, ok := contents[0].(mcp.TextResourceContents)
			require.True(t, ok)
			assert.Equal(t, "application/json", text.MIMEType)
			var view map[string]any
			require.NoError(t, json.Unmarshal([]byte(text.Text), &view))
			assert.Equal(t, tc.wantName, view["name"])
		})
	}
}
