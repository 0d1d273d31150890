package tools

// accountOperations are the account toolset besides get_account_information
// (written out in its own file): organizations, data retention, usage and
// the API's health (reference sections 8.1 to 8.3).
var accountOperations = []operation{
	checkAPIHealth, createOrganization, updateDataRetention, getUsage,
}
