package tools

import "net/http"

const deleteCampaignLeadDoc = `Remove one lead from a campaign so it is not called (again); this ` +
	`cannot be undone, but the number can be added back with add_campaign_lead. campaign_id comes ` +
	`from list_campaigns, lead_id from list_campaign_leads.`

var deleteCampaignLead = operation{
	name: "delete_campaign_lead", title: "Remove a lead from a campaign", toolset: CampaignsSet,
	doc: deleteCampaignLeadDoc, effect: Destructive, idempotent: true,
	method: http.MethodDelete, path: "/campaigns/{id}/leads/{leadId}",
	params:   []param{campaignID, leadID},
	shape:    deleted("lead_id"),
	output:   deletedOutput,
	listedBy: "list_campaign_leads",
}
