package resources

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"github.com/voicedock/voicedock-mcp/client"
	"github.com/voicedock/voicedock-mcp/tools"
)

// AccountURI is the URI of the account resource.
const AccountURI = "voicedock://account"

// All returns every resource.
func All(c *client.Client) []server.ServerResource {
	return []server.ServerResource{account(c)}
}

// account is the organization, balance and usage of the configured key, the
// same view get_account_information returns.
func account(c *client.Client) server.ServerResource {
	return server.ServerResource{
		Resource: mcp.NewResource(AccountURI, "VoiceDock account",
			mcp.WithResourceDescription("The organization behind the configured API key: balance in "+
				"minutes, usage this month, active numbers, assistants and calls."),
			mcp.WithMIMEType("application/json"),
		),
		Handler: func(ctx context.Context, req mcp.ReadResourceRequest) ([]mcp.ResourceContents, error) {
			acct, err := c.Account(ctx)
			if err != nil {
				return nil, fmt.Errorf("read %s: %w", AccountURI, err)
			}
			text, err := json.Marshal(tools.AccountView(acct))
			if err != nil {
				return nil, fmt.Errorf("read %s: %w", AccountURI, err)
			}
			return []mcp.ResourceContents{mcp.TextResourceContents{
				URI: req.Params.URI, MIMEType: "application/json", Text: string(text),
			}}, nil
		},
	}
}
