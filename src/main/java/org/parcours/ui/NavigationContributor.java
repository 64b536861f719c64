package org.parcours.ui;

import java.util.List;

/** Implemented by each feature module to add its views to the navigation. */
public interface NavigationContributor {

    List<MainLayout.NavEntry> entries();
}
