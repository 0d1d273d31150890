package tools

// campaignOperations: being written.
var campaignOperations = []operation{}
