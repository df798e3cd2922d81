/** Result rows of {@link io.leadstream.models.training.evaluation.Metrics}: curves and tables a model card shows. */
package io.leadstream.models.training.evaluation;
