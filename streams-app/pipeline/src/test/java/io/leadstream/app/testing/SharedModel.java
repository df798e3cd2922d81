package io.leadstream.app.testing;

import io.leadstream.app.model.ActiveModel;
import io.leadstream.models.bundle.ModelBundle;

/** The default model bundle, loaded once per test JVM (loading the encoder takes a few seconds). */
public final class SharedModel {

  private static ActiveModel model;

  private SharedModel() {}

  public static synchronized ActiveModel get() {
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
    if (model == null) {
      model = new ActiveModel(ModelBundle.load(ModelBundle.DEFAULT_BUNDLE));
    }
    return model;
  }
}
