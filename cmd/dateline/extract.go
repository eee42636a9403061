package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func newExtractCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "extract [FILES...]",
		Short: "Extract the records of articles and print them",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("extract: being written")
		},
	}
}
