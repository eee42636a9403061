package main

import "github.com/spf13/cobra"

// newTrainCmd groups the model trainers.
func newTrainCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "train",
		Short: "Train a model of the text engine from ../shared/data",
		Long: `train rebuilds one of the embedded models from open data. Training is
deterministic: the same data and seed give the same weights, and the
weights' digest is printed at the end.`,
	}
	cmd.AddCommand(newTrainPOSCmd())
	cmd.AddCommand(newTrainParseCmd())
	cmd.AddCommand(newTrainNERCmd())
	return cmd
}
