package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// Account is the organization a key belongs to: its balance and usage
// counters. It accepts every documented shape of GET /account and
// GET /organizations: name or company_name, integer or decimal balance.
type Account struct {
	ID                   string  `json:"id"`
	Name                 string  `json:"name,omitempty"`
	CompanyName          string  `json:"company_name,omitempty"`
	Email                string  `json:"email,omitempty"`
	MinutesBalance       Number  `json:"minutes_balance"`
	MonthlyUsageMinutes  Number  `json:"monthly_usage_minutes"`
	ActiveNumbers        Number  `json:"active_numbers"`
	ActiveAgents         Number  `json:"active_agents"`
	ActiveCalls          Number  `json:"active_calls"`
	HasLocalModelsAccess *bool   `json:"has_local_models_access,omitempty"`
	ParentOrgID          *string `json:"parent_org_id,omitempty"`
	// Children are the whitelabel child organizations, when asked for.
	Children []ChildOrganization `json:"children,omitempty"`
	Response Response            `json:"-"`
}

// ChildOrganization is a whitelabel child of an organization.
type ChildOrganization struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	CreatedAt string `json:"created_at,omitempty"`
}

// Number is a JSON number that also accepts a numeric string, since the
// sources disagree on whether balances are integers, decimals or strings.
type Number float64

// UnmarshalJSON accepts a number, a numeric string or null (zero).
func (n *Number) UnmarshalJSON(data []byte) error {
	s := strings.Trim(strings.TrimSpace(string(data)), `"`)
	if s == "null" || s == "" {
		*n = 0
		return nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return fmt.Errorf("not a number: %.40s", s)
	}
	*n = Number(f)
	return nil
}

// Count returns n as a count: rounded to the nearest integer and kept
// within 0 and the largest int, whatever the API sent.
func (n Number) Count() int {
	f := math.Round(float64(n))
	switch {
	case f <= 0:
		return 0
	case f >= math.MaxInt:
		return math.MaxInt
	}
	return int(f)
}

// Account returns the organization of the configured key. It asks
// GET /organizations and, if the API answers 404 or 410 there (an older
// deployment), the deprecated GET /account, which it then uses from on.
func (c *Client) Account(ctx context.Context) (*Account, error) {
	return c.account(ctx, false)
}

// AccountWithChildren is Account with the organization's whitelabel
// children (GET /organizations?include_children=true). The deprecated
// route has no children to give.
func (c *Client) AccountWithChildren(ctx context.Context) (*Account, error) {
	return c.account(ctx, true)
}

func (c *Client) account(ctx context.Context, withChildren bool) (*Account, error) {
	if !c.organizationsMissing.Load() {
		var query url.Values
		if withChildren {
			query = url.Values{"include_children": {"true"}}
		}
		acct, err := c.getAccount(ctx, "/organizations", query)
		if !errors.Is(err, ErrNotFound) && !errors.Is(err, ErrGone) {
			return acct, err
		}
		c.organizationsMissing.Store(true)
	}
	return c.getAccount(ctx, "/account", nil)
}

func (c *Client) getAccount(ctx context.Context, path string, query url.Values) (*Account, error) {
	var acct Account
	resp, err := c.do(ctx, http.MethodGet, path, query, nil, &acct)
	if err != nil {
		return nil, err
	}
	if acct.ID == "" && acct.Name == "" && acct.CompanyName == "" {
		return nil, fmt.Errorf("GET %s: %w: no organization in it", path, ErrUnexpectedAnswer)
	}
	acct.Response = resp
	return &acct, nil
}

var _ json.Unmarshaler = (*Number)(nil)
