package tools

import "net/http"

const addCampaignLeadDoc = `Add one person to a campaign's call list. If the campaign is running ` +
	`(status scheduled), the platform will call this number within the daily window: a real call to a ` +
	`real person, billed per minute. In a draft or paused campaign nothing is dialed until it is ` +
	`scheduled. campaign_id comes from list_campaigns; get_campaign shows its status and template. ` +
	`Returns the new lead (status pending).`

var addCampaignLead = operation{
	name: "add_campaign_lead", title: "Add a lead to a campaign", toolset: CampaignsSet,
	doc: addCampaignLeadDoc, effect: RealWorld,
	method: http.MethodPost, path: "/campaigns/{id}/leads",
	params: []param{
		campaignID,
		phone("phone_number", "Number to call, in E.164 form.").req(),
		leadVariables,
	},
	check:     func(args map[string]any) error { return checkLeadVariables("", args) },
	shape:     one("lead"),
	output:    withUntrustedContent(objectOutput("lead", leadOut...)),
	untrusted: []string{"lead.name", "lead.variables"},
	listedBy:  "list_campaigns",
}
