package tools

import (
	"github.com/voicedock/voicedock-mcp/client"

	"net/http"
	"slices"

	"github.com/voicedock/voicedock-mcp/client/catalog"
)

const updateCampaignDoc = `Change a campaign, or start, pause or cancel it. WARNING: status scheduled ` +
	`STARTS the campaign: the platform begins dialing real people on the lead list within the daily ` +
	`window, and every call is billed per minute. Only set it when the user has clearly asked to start ` +
	`the campaign. There is no start date: scheduled dials from the next opening of the daily window ` +
	`(today or tomorrow); to start next week, keep it in draft until then. paused stops new calls (scheduled resumes them); cancelled ends the campaign; draft ` +
	`takes it back for editing. Only the fields given change. A completed campaign can no longer be ` +
	`changed. campaign_id comes from list_campaigns.`

var updateCampaign = operation{
	name: "update_campaign", title: "Update, start or pause a campaign", toolset: CampaignsSet,
	doc: updateCampaignDoc, effect: RealWorld,
	method: http.MethodPatch, path: "/campaigns/{id}",
	params: slices.Concat([]param{
		campaignID,
		str("name", "New campaign name."),
		str("status", "scheduled starts dialing the leads (real calls, billed); paused stops new calls; "+
			"cancelled ends the campaign; draft returns it to editing. completed is set by the platform "+
			"only.").oneOf(catalog.SettableCampaignStatuses...),
	}, campaignFields(false)),
	check:    func(args map[string]any) error { return requireChange(args, "campaign_id") },
	shape:    oneCampaign,
	output:   objectOutput("campaign", campaignOut...),
	listedBy: "list_campaigns",
	advice: map[error]string{client.ErrConflict: "A completed campaign cannot be changed; to call these leads again, create a new campaign with " +
		"create_campaign."},
}
