// Package deps pins the libraries the steps are built on, so that parallel work on several
// steps does not race on go.mod: excelize for Excel files, gonum/plot for charts.
package deps

import (
	_ "github.com/xuri/excelize/v2"
	_ "gonum.org/v1/plot"
	_ "gonum.org/v1/plot/plotter"
	_ "gonum.org/v1/plot/vg/vgimg"
)
