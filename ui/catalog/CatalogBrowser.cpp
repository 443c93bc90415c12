#include "CatalogBrowser.h"
