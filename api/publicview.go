package api

import "tuys/data"

// PublicReport is all that anyone may see of a report (data.PublicReport).
type PublicReport = data.PublicReport

func publicView(r *data.Report) PublicReport { return data.Public(r) }
