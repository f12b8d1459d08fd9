/** The labelling workbench's settings (ApiConfig.labelling overrides any of them). */
export interface LabellingConfig {
  /** Share of confident first reads that also go to a second reader (every UNSURE read goes). */
  secondReadShare: number;
  /** How long a served image stays reserved for its reader. */
  reservationSeconds: number;
  /** How many candidates the champion scores for one page of the queue. */
  poolSize: number;
  /** Queue labels that start a retraining (FINETUNE then EVALUATE) of the champion's head; 0 turns the loop off. */
  retrainEvery: number;
}

export const DEFAULT_LABELLING_CONFIG: LabellingConfig = {
  secondReadShare: 0.1,
  reservationSeconds: 30 * 60,
  poolSize: 48,
  retrainEvery: 100,
};

export function labellingConfig(config: { labelling?: Partial<LabellingConfig> }): LabellingConfig {
  return { ...DEFAULT_LABELLING_CONFIG, ...config.labelling };
}
