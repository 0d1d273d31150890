package tools

import "net/http"

const listCampaignsDoc = `List the organization's outbound call campaigns (beta): ID, name, status ` +
	`(draft, scheduled = running, paused, completed, cancelled), assistant, daily schedule and lead ` +
	`counts (total, completed, failed). Use it to find a campaign_id for get_campaign, update_campaign, ` +
	`list_campaign_leads or add_campaign_lead. Returns one page (default 20); pass next_offset as ` +
	`offset for more.`

var listCampaigns = operation{
	name: "list_campaigns", title: "List campaigns", toolset: CampaignsSet,
	doc: listCampaignsDoc, effect: Read, idempotent: true,
	method: http.MethodGet, path: "/campaigns",
	params: pageParams(inTool, 20, 1000),
	shape:  many("campaigns", campaignSummary),
	output: listOutput("campaigns", campaignOut...),
}
