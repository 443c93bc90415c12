#include "ModelPicker.h"
