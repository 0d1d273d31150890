package sandbox

import (
	"math"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/voicedock/voicedock-mcp/client/catalog"
)

// Demo keys, one per authentication outcome. They are made up and only
// mean something to the sandbox.
const (
	// KeyPrefix starts every demo key, and the keys of organizations
	// created through POST /organizations.
	KeyPrefix = "fl_test_sandbox_"

	// DemoKey belongs to the demo organization and may do everything.
	DemoKey = "fl_test_sandbox_demo"
	// OtherKey belongs to a second organization, for scoping checks.
	OtherKey = "fl_test_sandbox_other"
	// BrokeKey belongs to the demo organization's child "Zahnarztpraxis
	// Müller", whose balance is zero: outbound calls answer 402.
	BrokeKey = "fl_test_sandbox_broke"
	// ExpiredKey is rejected with 401 api_key_expired.
	ExpiredKey = "fl_test_sandbox_expired"
	// RevokedKey is rejected with 401 api_key_revoked.
	RevokedKey = "fl_test_sandbox_revoked"
	// ForbiddenKey is valid but answered 403 on every route.
	ForbiddenKey = "fl_test_sandbox_forbidden"
)

// Organization is one simulated organization and everything it owns.
type Organization struct {
	ID                   string
	Name                 string
	Email                string
	MinutesBalance       float64
	MonthlyUsageMinutes  float64
	HasLocalModelsAccess bool
	ParentOrgID          string
	CreatedAt            time.Time
	children             []*Organization

	contentRetention, metadataRetention int

	assistants        store[*doc]
	numbers           store[*number]
	trunks            store[*trunk]
	toolTemplates     store[*doc]
	analysisTemplates store[*doc]
	campaigns         store[*campaign]
	mcpServers        store[*mcpServer]
	workflows         store[*doc]
	chats             store[*chatMessage]
	calls             store[*callRecord]
	usage             []*usageLog
	byok              map[string]string         // provider → vault secret id
	byokConfig        map[string]map[string]any // provider → settings
	domain            *domain
}

func newOrganization(id, name string, created time.Time) *Organization {
	return &Organization{ID: id, Name: name, CreatedAt: created, contentRetention: 365,
		metadataRetention: 730, byok: map[string]string{}, byokConfig: map[string]map[string]any{}}
}

// keyState is what a key is allowed to do.
type keyState int

const (
	keyValid keyState = iota
	keyExpired
	keyRevoked
	keyForbidden
)

type keyRecord struct {
	org   *Organization
	state keyState
}

// authenticate resolves a Bearer key to its organization, or the documented
// 401 or 403 failure.
func (s *Server) authenticate(key string) (*Organization, *failure) {
	s.mu.Lock()
	rec, known := s.keys[key]
	s.mu.Unlock()
	switch {
	case !known:
		return nil, &failure{status: http.StatusUnauthorized, code: "unauthorized", message: "Invalid or missing API key"}
	case rec.state == keyExpired:
		return nil, &failure{status: http.StatusUnauthorized, code: "api_key_expired", message: "API key has expired"}
	case rec.state == keyRevoked:
		return nil, &failure{status: http.StatusUnauthorized, code: "api_key_revoked", message: "API key has been revoked"}
	case rec.state == keyForbidden:
		return nil, &failure{status: http.StatusForbidden, code: "forbidden", message: "You don't have access to this resource"}
	}
	return rec.org, nil
}

// view renders the organization object of GET /organizations, with its
// counters computed from the organization's state at now.
func (o *Organization) view(withChildren bool, now time.Time) map[string]any {
	activeNumbers, activeAgents, activeCalls := 0, 0, 0
	for _, n := range o.numbers.all() {
		if n.active {
			activeNumbers++
		}
	}
	for _, a := range o.assistants.all() {
		if active, _ := a.fields["is_active"].(bool); active {
			activeAgents++
		}
	}
	for _, c := range o.calls.all() {
		if !c.final {
			activeCalls++
		}
	}
	body := map[string]any{
		"id": o.ID, "name": o.Name, "minutes_balance": round2(o.MinutesBalance),
		"monthly_usage_minutes": round2(o.MonthlyUsageMinutes), "active_numbers": activeNumbers,
		"active_agents": activeAgents, "active_calls": activeCalls,
		"has_local_models_access": o.HasLocalModelsAccess, "parent_org_id": orNil(o.ParentOrgID),
	}
	if withChildren {
		children := make([]map[string]any, 0, len(o.children))
		for _, c := range o.children {
			children = append(children, map[string]any{"id": c.ID, "name": c.Name, "created_at": stamp(c.CreatedAt)})
		}
		body["children"] = children
	}
	return body
}

// getAccount answers the deprecated GET /account with the /organizations
// shape plus the company_name and email older guides show.
func (s *Server) getAccount(c *req) (answer, *failure) {
	body := c.org.view(false, c.now)
	body["company_name"] = c.org.Name
	body["email"] = orNil(c.org.Email)
	return ok(body), nil
}

func (s *Server) getOrganizations(c *req) (answer, *failure) {
	withChildren := strings.EqualFold(c.r.URL.Query().Get("include_children"), "true")
	return ok(c.org.view(withChildren, c.now)), nil
}

// createOrganization makes a new organization, a child of the caller's
// when parent_org_id says so, with a fresh key that works at once.
func (s *Server) createOrganization(c *req) (answer, *failure) {
	b, fail := c.body()
	if fail != nil {
		return answer{}, fail
	}
	name, parent := b.str("name", true), b.str("parent_org_id", false)
	if err := b.err(); err != nil {
		return answer{}, err
	}
	if parent != "" && parent != c.org.ID {
		return answer{}, &failure{status: http.StatusForbidden, code: "forbidden",
			message: "parent_org_id must be your own organization", param: "parent_org_id"}
	}
	org := newOrganization(s.ids.uuid(), name, c.now)
	org.ParentOrgID = parent
	if parent != "" {
		c.org.children = append(c.org.children, org)
	}
	key := KeyPrefix + s.ids.token(24)
	s.orgs[org.ID] = org
	s.keys[key] = keyRecord{org: org, state: keyValid}
	return created(map[string]any{"id": org.ID, "name": org.Name, "parent_org_id": orNil(parent),
		"api_key": key, "created_at": stamp(org.CreatedAt)}), nil
}

// patchOrganization sets the data retention periods.
func (s *Server) patchOrganization(c *req) (answer, *failure) {
	b, fail := c.body()
	if fail != nil {
		return answer{}, fail
	}
	content, _ := b.integer("content_retention_days", true, 0, 1<<30)
	metadata, _ := b.integer("metadata_retention_days", true, 0, 1<<30)
	if err := b.err(); err != nil {
		return answer{}, err
	}
	if !slices.Contains(catalog.ContentRetentionDays, content) {
		return answer{}, badRequest("content_retention_days", "content_retention_days must be one of %v", catalog.ContentRetentionDays)
	}
	if !slices.Contains(catalog.MetadataRetentionDays, metadata) {
		return answer{}, badRequest("metadata_retention_days", "metadata_retention_days must be one of %v", catalog.MetadataRetentionDays)
	}
	if content > metadata {
		return answer{}, badRequest("content_retention_days",
			"content_retention_days (%d) must not exceed metadata_retention_days (%d)", content, metadata)
	}
	c.org.contentRetention, c.org.metadataRetention = content, metadata
	return ok(map[string]any{"content_retention_days": content, "metadata_retention_days": metadata}), nil
}

// round2 rounds to two decimals, as balances are shown.
func round2(f float64) float64 { return math.Round(f*100) / 100 }
