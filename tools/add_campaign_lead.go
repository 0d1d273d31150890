package tools

import (
	"context"
	"net/http"

	"github.com/voicedock/voicedock-mcp/client"
)

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
	ask:       askCampaignLead,
	policy:    leadPolicy,
	counts:    countLead,
	shape:     one("lead"),
	output:    withUntrustedContent(objectOutput("lead", leadOut...)),
	untrusted: []string{"lead.name", "lead.variables"},
	listedBy:  "list_campaigns",
}

// askCampaignLead shows the number added and the campaign that will call
// it; the person types its last four digits, as for any call.
func askCampaignLead(ctx context.Context, c *client.Client, g *guard, args map[string]any) (*question, error) {
	campaign, err := fetch(ctx, c, "/campaigns/{id}", map[string]string{"id": args["campaign_id"].(string)})
	if err != nil {
		return nil, err
	}
	number := args["phone_number"].(string) // required
	q := &question{action: "Add " + number + " to a calling campaign", digits: number[len(number)-4:],
		warning: "A scheduled campaign calls it within its daily window; every call is billed.",
		target:  "lead " + number + " in campaign " + nameOf(campaign, nil)}
	q.fact("Number to be called", number)
	q.fact("Campaign", nameOf(campaign, nil)+", now "+text(campaign, "status"))
	return q, nil
}
