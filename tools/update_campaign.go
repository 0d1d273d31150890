package tools

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"slices"

	"github.com/voicedock/voicedock-mcp/client"

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
	effectOf: campaignUpdateEffect,
	ask:      askCampaignStart,
	policy:   campaignStartPolicy,
	counts:   countCampaignStart,
	shape:    oneCampaign,
	output:   objectOutput("campaign", campaignOut...),
	listedBy: "list_campaigns",
	advice: map[error]string{client.ErrConflict: "A completed campaign cannot be changed; to call these leads again, create a new campaign with " +
		"create_campaign."},
}

// campaignUpdateEffect: starting or resuming a campaign (status
// scheduled), and changing what or when a campaign may be dialing (its
// schedule, template, assistant or leads' values), reach people; renaming
// it, or stopping it (paused, cancelled, draft), is configuration, so
// nobody is asked to allow a campaign to stop.
func campaignUpdateEffect(args map[string]any) Effect {
	for name, v := range args {
		switch {
		case name == "campaign_id", name == "name":
		case name == "status" && v != "scheduled":
		default:
			return RealWorld
		}
	}
	return Write
}

// askCampaignStart shows the campaign a person is about to start: its
// name, how many leads it will call, when, and with which assistant.
func askCampaignStart(ctx context.Context, c *client.Client, g *guard, args map[string]any) (*question, error) {
	campaign, err := fetch(ctx, c, "/campaigns/{id}", map[string]string{"id": args["campaign_id"].(string)})
	if err != nil {
		return nil, err
	}
	for k, v := range args { // the schedule as it will be after this change
		campaign[k] = v
	}
	action := "Change a calling campaign"
	if args["status"] == "scheduled" {
		action = "Start a calling campaign"
	}
	q := &question{action: action, warning: "While it is scheduled, the platform dials every lead on the " +
		"list, real people, and every call is billed.",
		target: "campaign " + nameOf(campaign, nil)}
	q.fact("Campaign", nameOf(campaign, nil))
	q.fact("Leads to call", fmt.Sprintf("%v (%v already done)", numberOf(campaign["total_leads"]),
		numberOf(campaign["completed_leads"])))
	q.fact("Schedule", fmt.Sprintf("daily %s–%s, %s, from the next opening of that window",
		text(campaign, "schedule_start_time"), text(campaign, "schedule_end_time"), text(campaign, "timezone")))
	q.fact("Assistant", text(campaign, "assistant_name", "assistant_id", "agent_id"))
	for _, key := range slices.Sorted(maps.Keys(args)) {
		if key != "campaign_id" && key != "status" {
			q.fact("Changes "+key+" to", argumentText(param{name: key}, args[key]))
		}
	}
	return q, nil
}
