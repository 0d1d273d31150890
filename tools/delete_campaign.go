package tools

import "net/http"

const deleteCampaignDoc = `Delete a campaign for good, with its lead list and progress; this cannot be ` +
	`undone, so check the name and status with get_campaign first. To stop a running campaign but keep ` +
	`it, use update_campaign with status paused or cancelled instead. campaign_id comes from ` +
	`list_campaigns.`

var deleteCampaign = operation{
	name: "delete_campaign", title: "Delete a campaign", toolset: CampaignsSet,
	doc: deleteCampaignDoc, effect: Destructive, idempotent: true,
	method: http.MethodDelete, path: "/campaigns/{id}",
	params:   []param{campaignID},
	shape:    deleted("campaign_id"),
	output:   deletedOutput,
	listedBy: "list_campaigns",
}
