package tools

import (
	"net/http"
	"slices"
)

const listCampaignLeadsDoc = `List the leads of a campaign: ID, phone number, variables, status ` +
	`(pending, calling, completed, failed, skipped), attempts, the last call's ID (for get_call) and ` +
	`when it was tried. Filter by status, e.g. failed. Use it to find a lead_id for ` +
	`delete_campaign_lead. campaign_id comes from list_campaigns. Returns one page (default 20); pass ` +
	`next_offset as offset for more.`

var listCampaignLeads = operation{
	name: "list_campaign_leads", title: "List a campaign's leads", toolset: CampaignsSet,
	doc: listCampaignLeadsDoc, effect: Read, idempotent: true,
	method: http.MethodGet, path: "/campaigns/{id}/leads",
	params:    slices.Concat([]param{campaignID, leadStatusFilter}, pageParams(inQuery, 20, 1000)),
	shape:     leadsOfStatus,
	output:    withUntrustedContent(listOutput("leads", leadOut...)),
	untrusted: []string{"leads[].name", "leads[].variables"},
	listedBy:  "list_campaigns",
}
