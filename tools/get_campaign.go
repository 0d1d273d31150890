package tools

import "net/http"

const getCampaignDoc = `Get one campaign: status, assistant (assistant_id, also shown as agent_id), ` +
	`system_message_template, daily schedule and timezone, and lead counts. campaign_id comes from ` +
	`list_campaigns; list_campaign_leads shows each lead's progress.`

var getCampaign = operation{
	name: "get_campaign", title: "Get a campaign", toolset: CampaignsSet,
	doc: getCampaignDoc, effect: Read, idempotent: true,
	method: http.MethodGet, path: "/campaigns/{id}",
	params:   []param{campaignID},
	shape:    oneCampaign,
	output:   objectOutput("campaign", campaignOut...),
	listedBy: "list_campaigns",
}
