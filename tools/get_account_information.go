package tools

import (
	"context"
	"encoding/json"
	"net/http"
	"time"

	"github.com/voicedock/voicedock-mcp/client"
)

const getAccountInformationDoc = `Get the VoiceDock organization behind the configured API key: its name and ID, ` +
	`remaining balance in minutes, minutes used this month (resets on the 1st, 00:00 UTC), and how many phone ` +
	`numbers, assistants and calls are active now. Also reports how many API requests are left in the current ` +
	`rate-limit window (100 per minute per key). Use it to check the balance before placing calls, or to confirm ` +
	`which account the server is connected to. include_children also lists whitelabel child organizations.`

// accountInformation is the structured result of get_account_information.
type accountInformation struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name"`
	CompanyName          string         `json:"company_name,omitempty"`
	Email                string         `json:"email,omitempty"`
	MinutesBalance       float64        `json:"minutes_balance"`
	MonthlyUsageMinutes  float64        `json:"monthly_usage_minutes"`
	ActiveNumbers        int            `json:"active_numbers"`
	ActiveAgents         int            `json:"active_agents"`
	ActiveCalls          int            `json:"active_calls"`
	HasLocalModelsAccess *bool          `json:"has_local_models_access,omitempty"`
	ParentOrgID          string         `json:"parent_org_id,omitempty"`
	RateLimit            *rateLimitView `json:"rate_limit,omitempty"`
	Children             []childView    `json:"children,omitempty"`
}

// childView is a whitelabel child organization.
type childView struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	CreatedAt string `json:"created_at,omitempty"`
}

// rateLimitView is the request headroom seen on an API answer.
type rateLimitView struct {
	Limit     int    `json:"limit"`
	Remaining int    `json:"remaining"`
	ResetsAt  string `json:"resets_at,omitempty"`
}

// accountOutputSchema describes accountInformation. It is written by hand
// so that it stays inside the JSON Schema subset every client accepts.
const accountOutputSchema = `{
  "type": "object",
  "properties": {
    "id": {"type": "string"},
    "name": {"type": "string"},
    "company_name": {"type": "string"},
    "email": {"type": "string"},
    "minutes_balance": {"type": "number"},
    "monthly_usage_minutes": {"type": "number"},
    "active_numbers": {"type": "integer"},
    "active_agents": {"type": "integer"},
    "active_calls": {"type": "integer"},
    "has_local_models_access": {"type": "boolean"},
    "parent_org_id": {"type": "string"},
    "rate_limit": {
      "type": "object",
      "description": "API request headroom seen on this answer.",
      "properties": {
        "limit": {"type": "integer"},
        "remaining": {"type": "integer"},
        "resets_at": {"type": "string"}
      },
      "required": ["limit", "remaining"]
    },
    "children": {
      "type": "array",
      "items": {
        "type": "object",
        "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "created_at": {"type": "string"}}
      }
    }
  },
  "required": ["id", "name", "minutes_balance", "monthly_usage_minutes", "active_numbers", "active_agents", "active_calls"]
}`

// getAccountInformation is the get_account_information tool. Its run asks
// the client, which chooses between two routes (GET /organizations, then
// the deprecated GET /account on older deployments), and renders the
// account with AccountView, which the voicedock://account resource shares.
var getAccountInformation = operation{
	name: "get_account_information", title: "Get account information", toolset: AccountSet,
	doc: getAccountInformationDoc, effect: Read, idempotent: true,
	method: http.MethodGet, path: "/organizations",
	params: []param{
		boolean("include_children", "Also list the whitelabel child organizations: ID, name, created."),
	},
	output: accountOutput,
	run: func(ctx context.Context, c *client.Client, _ *guard, args map[string]any) (any, error) {
		account := c.Account
		if args["include_children"] == true {
			account = c.AccountWithChildren
		}
		acct, err := account(ctx)
		if err != nil {
			return nil, err
		}
		return AccountView(acct), nil
	},
}

// accountOutput is accountOutputSchema decoded, as operations hold it.
var accountOutput = func() map[string]any {
	var schema map[string]any
	if err := json.Unmarshal([]byte(accountOutputSchema), &schema); err != nil {
		panic("tools: accountOutputSchema is not JSON: " + err.Error()) // a bug in the constant
	}
	return schema
}()

// AccountView renders an account for a model: the name falls back to the
// company name, counters become integers, and the rate-limit headroom seen
// on the answer is included when the API sent it.
func AccountView(a *client.Account) any {
	view := accountInformation{
		ID: a.ID, Name: a.Name, CompanyName: a.CompanyName, Email: a.Email,
		MinutesBalance:       float64(a.MinutesBalance),
		MonthlyUsageMinutes:  float64(a.MonthlyUsageMinutes),
		ActiveNumbers:        a.ActiveNumbers.Count(),
		ActiveAgents:         a.ActiveAgents.Count(),
		ActiveCalls:          a.ActiveCalls.Count(),
		HasLocalModelsAccess: a.HasLocalModelsAccess,
	}
	if view.Name == "" {
		view.Name = a.CompanyName
	}
	for _, child := range a.Children {
		view.Children = append(view.Children, childView(child))
	}
	if a.ParentOrgID != nil {
		view.ParentOrgID = *a.ParentOrgID
	}
	if rl := a.Response.RateLimit; rl.Known {
		view.RateLimit = &rateLimitView{Limit: rl.Limit, Remaining: rl.Remaining}
		if !rl.Reset.IsZero() {
			view.RateLimit.ResetsAt = rl.Reset.UTC().Format(time.RFC3339)
		}
	}
	return view
}
